#!/usr/bin/env python3
"""Routing end to end through the local stack's APIs, as a new user would try it.

1,000 agents with one skill and capacity 1 are registered and go available; then 2,000 requests for that skill are
submitted from 100 customers, 8 at a time. Nobody accepts, so each agent ends with one offer (counted by routing's
tandem.routing.offers metric). Prints how long the
registrations and the presence changes took, offers per second from the first submission to the last offer, and the
routing service's CPU per offer (from /proc, so on Linux only).

Needs a running local stack (./tandem-local) and Python 3 with its standard library alone:
    load-tests/routing-e2e.py [--agents 1000] [--requests 2000] [--customers 100] [--concurrency 8]
Figures: docs/performance.md#routing.
"""
import argparse
import json
import os
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

ISSUER = "http://127.0.0.1:8025/issuer/token"
INTAKE = "http://127.0.0.1:8081"
ROUTING = "http://127.0.0.1:8082"
_tokens = {}
_lock = threading.Lock()


def token(role, subject):
    key = (role, subject)
    with _lock:
        if key in _tokens:
            return _tokens[key]
    query = urllib.parse.urlencode({"role": role, "subject": subject, "name": subject})
    with urllib.request.urlopen(f"{ISSUER}?{query}") as answer:
        value = json.load(answer)["access_token"]
    with _lock:
        _tokens[key] = value
    return value


def call(method, url, bearer, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Authorization", "Bearer " + bearer)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    for attempt in range(20):
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                return json.load(answer)
        except urllib.error.HTTPError as error:
            if error.code != 429:
                raise SystemExit(f"{method} {url}: {error.code} {error.read().decode()[:300]}")
            time.sleep(float(error.headers.get("Retry-After", "1")))
    raise SystemExit(f"{method} {url}: still rate-limited after 20 tries")


def offers_made(queue):
    """The offers routing made in the queue, from its tandem.routing.offers counter (all steps)."""
    with urllib.request.urlopen(f"{ROUTING}/actuator/prometheus", timeout=30) as answer:
        text = answer.read().decode()
    return int(sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines()
                   if line.startswith("tandem_routing_offers_total{") and f'queue="{queue}"' in line))


def routing_cpu_seconds():
    pids = subprocess.run(["pgrep", "-f", "routing-service.jar"], capture_output=True, text=True).stdout.split()
    if not pids:
        raise SystemExit("No routing-service process: start the local stack first (./tandem-local)")
    ticks = 0
    for pid in pids:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def timed(what, work, items, threads):
    started = time.monotonic()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(work, items))
    seconds = time.monotonic() - started
    print(f"{what}: {len(items)} in {seconds:.1f} s ({len(items) / seconds:.0f}/s)")
    return seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--agents", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--customers", type=int, default=100)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--timeout", type=int, default=600, help="seconds to wait for the offers, at most")
    options = parser.parse_args()

    run = uuid.uuid4().hex[:8]
    skill = f"e2e-{run}"
    agents = [f"agent-{run}-{i}" for i in range(options.agents)]
    supervisors = [token("supervisor", f"supervisor-{run}-{i}") for i in range(10)]
    print(f"Skill {skill}; {options.agents} agents, {options.requests} requests from {options.customers} customers, "
          f"{options.concurrency} at a time")

    def register(index):
        call("POST", f"{ROUTING}/api/agents", supervisors[index % len(supervisors)],
             {"id": agents[index], "name": f"Agent {index}", "skills": [skill], "languages": ["en"], "capacity": 1})

    timed("Agents registered", register, range(options.agents), 16)
    for agent in agents:
        token("agent", agent)

    def available(agent):
        call("PUT", f"{ROUTING}/api/agents/{agent}/presence", token("agent", agent), {"presence": "AVAILABLE"})

    timed("Agents available", available, agents, 16)

    customers = [token("customer", f"customer-{run}-{i}") for i in range(options.customers)]
    cpu_before = routing_cpu_seconds()
    started = time.monotonic()

    def submit(index):
        call("POST", f"{INTAKE}/api/requests", customers[index % len(customers)], {
            "customer": {"name": f"Customer {index % len(customers)}", "email": f"c{index % len(customers)}@example.com"},
            "language": "en", "preferredChannel": "EMAIL", "category": skill,
            "subject": f"Question {index}", "description": "Where is my refund?", "urgency": "NORMAL"},
             {"Idempotency-Key": str(uuid.uuid4())})

    submitting = threading.Thread(target=lambda: timed("Requests submitted", submit, range(options.requests),
                                                       options.concurrency))
    submitting.start()
    wanted = min(options.agents, options.requests)
    offers = 0
    deadline = started + options.timeout
    while time.monotonic() < deadline:
        offers = offers_made(skill)
        if offers >= wanted:
            break
        time.sleep(0.5)
    seconds = time.monotonic() - started
    cpu = routing_cpu_seconds() - cpu_before
    submitting.join()
    print(f"Offers: {offers} of {wanted} in {seconds:.1f} s from the first submission ({offers / seconds:.1f}/s)")
    print(f"Routing's CPU meanwhile: {cpu:.1f} s, {cpu * 1000 / max(offers, 1):.1f} ms per offer "
          "(including its metrics, which this script reads twice a second)")
    return 0 if offers >= wanted else 1


if __name__ == "__main__":
    sys.exit(main())
