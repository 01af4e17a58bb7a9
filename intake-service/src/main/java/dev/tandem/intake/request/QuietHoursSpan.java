package dev.tandem.intake.request;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Quiet hours that end at the time they begin would mean no quiet at all or a whole day of it: refused, and the
 * error points at {@code quietHours.to}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = QuietHoursSpan.Validator.class)
@interface QuietHoursSpan {

    String message() default "must differ from quietHours.from";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<QuietHoursSpan, SubmitRequest.QuietHoursDetails> {

        @Override
        public boolean isValid(SubmitRequest.QuietHoursDetails quietHours, ConstraintValidatorContext context) {
            if (quietHours.from() == null || !quietHours.from().equals(quietHours.to())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("to").addConstraintViolation();
            return false;
        }
    }
}
