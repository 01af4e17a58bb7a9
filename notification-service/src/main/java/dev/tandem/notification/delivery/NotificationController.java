package dev.tandem.notification.delivery;

import dev.tandem.platform.web.ResourceNotFoundException;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What we told a customer, and how: for support staff and operators. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final NotificationRepository notifications;

    NotificationController(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    /** The notifications of one request, oldest first. */
    @GetMapping
    List<NotificationView> ofRequest(@RequestParam @NotBlank String requestId) {
        return notifications.findByRequestIdOrderByCreatedAtAsc(requestId).stream()
                .map(NotificationView::of)
                .toList();
    }

    @GetMapping("/{id}")
    NotificationView get(@PathVariable String id) {
        return notifications.findById(id).map(NotificationView::of)
                .orElseThrow(() -> new ResourceNotFoundException("notification", id));
    }
}
