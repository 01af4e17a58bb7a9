package dev.tandem.intake.request;

import dev.tandem.contracts.Channel;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A customer who prefers SMS must give a phone number; the error points at {@code customer.phone}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ReachableOnPreferredChannel.Validator.class)
@interface ReachableOnPreferredChannel {

    String message() default "is required when the preferred channel is SMS";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ReachableOnPreferredChannel, SubmitRequest> {

        @Override
        public boolean isValid(SubmitRequest request, ConstraintValidatorContext context) {
            if (request.preferredChannel() != Channel.SMS || request.customer() == null
                    || request.customer().phone() != null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("customer").addPropertyNode("phone").addConstraintViolation();
            return false;
        }
    }
}
