package dev.tandem.routing.agent;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An agent as last read from the store. It is immutable on purpose: agents change only through the atomic
 * conditional updates in {@link Agents}, because several instances reserve their slots at once, and saving
 * a whole snapshot back would overwrite another instance's reservation.
 *
 * @param freeSlots  {@code capacity} minus the active requests, kept in the same updates so that one
 *                   conditional update can check and take a slot
 * @param idleSince  when a slot was last freed or the agent last became available; the longest idle is
 *                   offered work first
 */
@Document("agents")
public record Agent(@Id String id, String name, List<String> skills, List<String> languages, int capacity,
                    AgentPresence presence, List<ActiveRequest> activeRequests, int freeSlots,
                    Instant idleSince) {

    /**
     * What an agent id may be: the agent's user id at the identity provider, which their access tokens carry as
     * the subject.
     */
    public static final String ID_PATTERN = "[A-Za-z0-9._@:-]{1,64}";
    /** What {@link #ID_PATTERN} asks for, in words. */
    public static final String ID_RULE = "must be 1 to 64 letters, digits and . _ @ : -";

    public Agent {
        skills = List.copyOf(skills);
        languages = List.copyOf(languages);
        activeRequests = activeRequests == null ? List.of() : List.copyOf(activeRequests);
    }

    /** A new agent starts offline, with all slots free. */
    static Agent register(String id, String name, List<String> skills, List<String> languages, int capacity) {
        return new Agent(id, name, skills, languages, capacity, AgentPresence.OFFLINE, List.of(), capacity, null);
    }

    /** Available, with the skill, speaking the language and with a slot free. */
    public boolean canServe(String skill, String language) {
        return takesOffers() && hasSkillAndLanguage(skill, language);
    }

    /** Has the skill and speaks the language, whatever the agent's presence and free slots. */
    public boolean hasSkillAndLanguage(String skill, String language) {
        return skills.contains(skill) && speaking(language).isPresent();
    }

    /** Available, with a slot free. */
    public boolean takesOffers() {
        return presence == AgentPresence.AVAILABLE && freeSlots > 0;
    }

    /**
     * The agent's language that serves a customer's: the primary subtags match, so that an agent who speaks
     * {@code pt} serves {@code pt-BR}, and one who speaks {@code pt-PT} does too.
     */
    public Optional<String> speaking(String language) {
        String wanted = primarySubtag(language);
        return languages.stream().filter(spoken -> primarySubtag(spoken).equals(wanted)).findFirst();
    }

    public boolean holds(String requestId) {
        return activeRequests.stream().anyMatch(active -> active.requestId().equals(requestId));
    }

    public int slotsInUse() {
        return capacity - freeSlots;
    }

    public List<String> activeRequestIds() {
        return activeRequests.stream().map(ActiveRequest::requestId).toList();
    }

    /** The part of a language tag that an agent's language must match: {@code pt} for {@code pt-BR}. */
    public static String primarySubtag(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
