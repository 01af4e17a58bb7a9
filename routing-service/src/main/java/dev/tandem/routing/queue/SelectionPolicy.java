package dev.tandem.routing.queue;

/** Which of the eligible agents a queue offers a request to. */
public enum SelectionPolicy {
    /** The agent idle longest, then with fewest requests in hand: work is spread evenly. The default. */
    LONGEST_IDLE,
    /** The agent with the highest proficiency in the queue's skills, then idle longest: the best hands first. */
    BEST_PROFICIENCY,
    /** The agent with fewest requests in hand, then idle longest: nobody piles up work while others have little. */
    FEWEST_IN_HAND
}
