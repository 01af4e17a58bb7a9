package dev.tandem.load;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Support requests as front ends submit them: customers from a fixed pool, who write in several languages about
 * several categories, mostly by email and some by SMS, with subjects and descriptions of varied length. The same
 * submissions give the Kafka baseline its records, in the form intake publishes them ({@code RequestSubmitted}).
 */
final class Submissions {

    private static final String[] FIRST_NAMES = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances",
            "Ken", "Margaret", "Dennis", "Radia", "Tim", "Hedy", "Niklaus", "Katherine", "Linus", "Sophie", "John"};
    private static final String[] LAST_NAMES = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth",
            "Allen", "Thompson", "Hamilton", "Ritchie", "Perlman", "Berners-Lee", "Lamarr", "Wirth", "Johnson",
            "Torvalds", "Wilson", "Backus"};
    private static final String[] LANGUAGES = {"en", "en", "en", "de", "fr", "es", "pt-BR", "nl"};
    private static final String[] CATEGORIES = {"billing", "billing", "technical", "account", "shipping", "returns"};
    private static final String[] URGENCIES = {"LOW", "NORMAL", "NORMAL", "NORMAL", "HIGH", "CRITICAL"};
    private static final String[] SUBJECTS = {
            "Charged twice for October",
            "Cannot log in since the last update",
            "Parcel marked delivered but not here",
            "Refund for order %d not received",
            "Invoice %d shows the wrong address",
            "Please close my account",
            "App crashes when I open settings",
            "Wrong size delivered for order %d",
            "How do I change my plan?",
            "Password reset mail never arrives"};
    private static final String[] SENTENCES = {
            "My card statement shows two charges of 49.00 on 3 October.",
            "I have tried again this morning with the same result.",
            "The tracking page says the parcel was handed over at 14:02, but nobody rang and there is nothing at the"
                    + " door.",
            "Could you please look into it and tell me what happens next?",
            "I already contacted you by phone last week and was told it would be fixed within two days.",
            "The error message says that something went wrong and that I should try again later.",
            "I am using the latest version of the app on my phone and the website in a current browser.",
            "The order number is on the confirmation mail, which I can forward if that helps.",
            "It is rather urgent because the payment is due at the end of the month.",
            "Thank you in advance for your help.",
            "I moved house in September and updated the address in my profile, but the invoice still shows the"
                    + " old one.",
            "Nothing I change in the settings seems to make a difference."};

    private final List<Customer> customers;

    /** A customer of the pool: {@code id} is who the customer is to the token issuer. */
    record Customer(String id, String name, String email, String phone) {
    }

    /** One request, in the words of the API's submission body. */
    record Submission(Customer customer, String language, String preferredChannel, String category, String subject,
                      String description, String urgency) {

        /** The body of {@code POST /api/requests}. */
        String requestJson() {
            return "{\"customer\":" + customerJson()
                    + ",\"language\":" + Json.string(language)
                    + ",\"preferredChannel\":" + Json.string(preferredChannel)
                    + ",\"category\":" + Json.string(category)
                    + ",\"subject\":" + Json.string(subject)
                    + ",\"description\":" + Json.string(description)
                    + ",\"urgency\":" + Json.string(urgency) + "}";
        }

        /** The {@code RequestSubmitted} event intake publishes for this submission, on one line. */
        String submittedEventJson(String requestId, String eventId, String correlationId, String reference,
                                  Instant occurredAt) {
            return "{\"type\":\"RequestSubmitted\",\"metadata\":{\"eventId\":" + Json.string(eventId)
                    + ",\"schemaVersion\":1,\"occurredAt\":" + Json.string(occurredAt.toString())
                    + ",\"requestId\":" + Json.string(requestId)
                    + ",\"correlationId\":" + Json.string(correlationId) + "}"
                    + ",\"reference\":" + Json.string(reference)
                    + ",\"customer\":" + customerJson()
                    + ",\"language\":" + Json.string(language)
                    + ",\"preferredChannel\":" + Json.string(preferredChannel)
                    + ",\"category\":" + Json.string(category)
                    + ",\"subject\":" + Json.string(subject)
                    + ",\"description\":" + Json.string(description)
                    + ",\"urgency\":" + Json.string(urgency) + "}";
        }

        private String customerJson() {
            return "{\"name\":" + Json.string(customer.name())
                    + ",\"email\":" + Json.string(customer.email())
                    + ",\"phone\":" + (customer.phone() == null ? "null" : Json.string(customer.phone())) + "}";
        }
    }

    private Submissions(List<Customer> customers) {
        this.customers = List.copyOf(customers);
    }

    /** A pool of {@code count} customers, the same for the same seed; about one in three has a phone number. */
    static Submissions forCustomers(int count, long seed) {
        RandomGenerator random = new SplittableRandom(seed);
        List<Customer> customers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String first = pick(random, FIRST_NAMES);
            String last = pick(random, LAST_NAMES);
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            String email = (first + "." + last + "." + i + "@example.com").toLowerCase(Locale.ROOT);
            String phone = random.nextInt(3) == 0 ? "+4477009" + String.format("%05d", random.nextInt(100_000)) : null;
            customers.add(new Customer(id, first + " " + last, email, phone));
        }
        return new Submissions(customers);
    }

    List<Customer> customers() {
        return customers;
    }

    /** A request by a customer of the pool, chosen at random, as are its language, channel, category and text. */
    Submission next(RandomGenerator random) {
        Customer customer = customers.get(random.nextInt(customers.size()));
        // those with a phone prefer SMS half of the time; SMS needs a phone number
        String channel = customer.phone() != null && random.nextBoolean() ? "SMS" : "EMAIL";
        String subject = pick(random, SUBJECTS).formatted(100_000 + random.nextInt(900_000));
        StringBuilder description = new StringBuilder(pick(random, SENTENCES));
        for (int sentences = 1 + random.nextInt(8); sentences > 0; sentences--) {
            description.append(' ').append(pick(random, SENTENCES));
        }
        return new Submission(customer, pick(random, LANGUAGES), channel, pick(random, CATEGORIES), subject,
                description.toString(), pick(random, URGENCIES));
    }

    private static String pick(RandomGenerator random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
