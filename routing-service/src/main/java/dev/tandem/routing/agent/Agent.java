package dev.tandem.routing.agent;

import dev.tandem.contracts.intake.Urgency;
import dev.tandem.routing.queue.LanguageRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An agent as last read from the store. It is immutable on purpose: agents change only through the atomic
 * conditional updates in {@link Agents}, because several instances reserve their slots at once, and saving
 * a whole snapshot back would overwrite another instance's reservation.
 *
 * @param tier          1 first line, 2 specialist, 3 senior
 * @param team          the team the agent belongs to; requests can be escalated to a team
 * @param active        false once a supervisor deactivated the agent: they are offered nothing more
 * @param presenceSince when the presence last changed; null for an agent who never changed it
 * @param freeSlots     {@code capacity} minus the active requests, kept in the same updates so that one
 *                      conditional update can check and take a slot; below zero when a supervisor lowered the
 *                      capacity under what the agent holds
 * @param idleSince     when a slot was last freed or the agent last became available; the longest idle is
 *                      offered work first
 * @param hardCaseEndedAt when the agent last let go of a CRITICAL request: the wellbeing cool-down runs from there
 * @param revision      how many times a supervisor changed the profile: such a change is conditional on it
 * @param changedAt     when the agent last changed, by the clock of the instance that changed it: other instances read
 *                      what changed since
 * @param changes       how many times the agent was changed, counted by the store with each change: of two states
 *                      read, the one with more changes is the later. {@code changedAt} cannot tell: it is stamped
 *                      before the change is sent, so two changes at once may reach the store in the other order
 */
@Document("agents")
@CompoundIndex(name = "reservations", def = "{'activeRequests.since': 1}")
public record Agent(@Id String id, String name, List<Skill> skills, List<String> languages, int tier, String team,
                    int capacity, boolean active, AgentPresence presence, Instant presenceSince,
                    List<ActiveRequest> activeRequests,
                    int freeSlots, Instant idleSince, Instant hardCaseEndedAt, long revision,
                    @Indexed Instant changedAt, long changes) {

    /**
     * What an agent id may be: the agent's user id at the identity provider, which their access tokens carry as
     * the subject.
     */
    public static final String ID_PATTERN = "[A-Za-z0-9._@:-]{1,64}";
    /** What {@link #ID_PATTERN} asks for, in words. */
    public static final String ID_RULE = "must be 1 to 64 letters, digits and . _ @ : -";
    /** The team of an agent registered without one. */
    public static final String DEFAULT_TEAM = "general";

    public Agent {
        skills = List.copyOf(skills);
        languages = List.copyOf(languages);
        activeRequests = activeRequests == null ? List.of() : List.copyOf(activeRequests);
        tier = tier == 0 ? 1 : tier;
        team = team == null ? DEFAULT_TEAM : team;
    }

    /** A new agent starts offline, active, with all slots free. */
    static Agent register(String id, String name, List<Skill> skills, List<String> languages, int tier, String team,
                          int capacity, Instant now) {
        return new Agent(id, name, skills, languages, tier, team, capacity, true, AgentPresence.OFFLINE, now, List.of(),
                capacity, null, null, 0, now, 0);
    }

    /** Available, active, with a slot free. */
    public boolean takesOffers() {
        return active && presence == AgentPresence.AVAILABLE && freeSlots > 0;
    }

    /** At work: active and available, whether or not a slot is free. */
    public boolean isAtWork() {
        return active && presence == AgentPresence.AVAILABLE;
    }

    public OptionalInt proficiency(String skill) {
        for (Skill mastered : skills) {
            if (mastered.name().equals(skill)) {
                return OptionalInt.of(mastered.proficiency());
            }
        }
        return OptionalInt.empty();
    }

    /**
     * The agent's language that serves a customer's: the primary subtags match, so that an agent who speaks
     * {@code pt} serves {@code pt-BR}, and one who speaks {@code pt-PT} does too.
     */
    public Optional<String> speaking(String language) {
        return languages.stream().filter(spoken -> LanguageRule.PRIMARY_SUBTAG.matches(spoken, language)).findFirst();
    }

    public boolean holds(String requestId) {
        return activeRequests.stream().anyMatch(active -> active.requestId().equals(requestId));
    }

    public int slotsInUse() {
        return activeRequests.size();
    }

    /** How many CRITICAL requests the agent holds now, offered or owned. */
    public int criticalInHand() {
        return (int) activeRequests.stream().filter(active -> active.urgency() == Urgency.CRITICAL).count();
    }

    /**
     * Gone from work with requests in hand: offline or away for at least {@code grace}, so that what they own is
     * to be handed onward.
     */
    public boolean goneLongerThan(Duration grace, Instant now) {
        boolean gone = presence == AgentPresence.OFFLINE || presence == AgentPresence.AWAY;
        return gone && presenceSince != null && !now.isBefore(presenceSince.plus(grace));
    }

    public List<String> activeRequestIds() {
        return activeRequests.stream().map(ActiveRequest::requestId).toList();
    }
}
