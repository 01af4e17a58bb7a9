package dev.tandem.platform.web;

import com.fasterxml.jackson.annotation.JsonView;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.CollectingProblemHandler;
import tools.jackson.databind.exc.CollectedProblem;
import tools.jackson.databind.exc.DeferredBindingException;
import tools.jackson.databind.exc.InvalidDefinitionException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JSON request bodies so that a request changes nothing unless all of it is acceptable, and says what is
 * not: every key that starts with {@code $} or contains a dot, anywhere in the body (they would be operators or
 * paths to a document store); every field the body type does not declare, such as a server-owned {@code status}
 * (mass assignment); and every value of the wrong kind. All of them are reported together, as an
 * {@link InvalidRequestException}, before the body reaches the controller. Only a body that is not JSON at all, or
 * is not an object where one is expected, is reported on its own.
 */
class StrictJsonHttpMessageConverter extends JacksonJsonHttpMessageConverter {

    static final String UNSAFE_KEY = "is not an acceptable key: keys must not start with $ or contain a dot";
    private static final String JSON_VIEW_HINT = JsonView.class.getName();
    private static final Object BODY_PROBLEMS = BodyProblemCollector.class;

    private final BodyProblemCollector collector = new BodyProblemCollector();

    StrictJsonHttpMessageConverter(JsonMapper mapper) {
        super(mapper.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());
    }

    @Override
    public Object read(ResolvableType type, HttpInputMessage inputMessage, @Nullable Map<String, Object> hints)
            throws IOException {
        Charset charset = getCharset(inputMessage.getHeaders().getContentType());
        byte[] bytes = inputMessage.getBody().readAllBytes();
        String text = StandardCharsets.UTF_8.equals(charset) ? null : new String(bytes, charset);

        Map<String, FieldError> errors = new LinkedHashMap<>();
        unsafeKeys(text == null ? getMapper().createParser(bytes) : getMapper().createParser(text))
                .forEach(error -> add(errors, error));
        List<FieldError> found = new ArrayList<>();
        ObjectReader reader = reader(type, hints).problemCollectingReader(collector)
                .withAttribute(BODY_PROBLEMS, found);
        Object value = null;
        JacksonException failure = null;
        try {
            value = text == null ? reader.readValueCollectingProblems(bytes) : reader.readValueCollectingProblems(text);
        } catch (InvalidDefinitionException e) {
            throw new HttpMessageConversionException("Type definition error: " + e.getType(), e);
        } catch (JacksonException e) {
            failure = e;
        }
        found.forEach(error -> add(errors, error));
        if (failure != null) {
            collectedProblems(failure).forEach(problem -> add(errors, JsonProblems.of(problem)));
            if (errors.isEmpty()) {
                throw new HttpMessageNotReadableException("JSON parse error: " + failure.getOriginalMessage(),
                        failure, inputMessage);
            }
            if (failure instanceof DatabindException unreadable) {
                JsonProblems.of(unreadable).ifPresent(error -> add(errors, error));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(List.copyOf(errors.values()));
        }
        return value;
    }

    /** What Jackson collected before it gave up, or after it read on to the end. */
    private static Stream<CollectedProblem> collectedProblems(JacksonException failure) {
        return Stream.concat(Stream.of(failure), Arrays.stream(failure.getSuppressed()))
                .filter(DeferredBindingException.class::isInstance)
                .flatMap(collected -> ((DeferredBindingException) collected).getProblems().stream());
    }

    private ObjectReader reader(ResolvableType type, @Nullable Map<String, Object> hints) {
        Class<?> contextClass = type.getSource() instanceof MethodParameter parameter ? parameter.getContainingClass()
                : hints != null ? (Class<?>) hints.get("contextClass") : null;
        ObjectReader reader = getMapper().readerFor(getJavaType(type.getType(), contextClass));
        if (hints != null && hints.get(JSON_VIEW_HINT) instanceof Class<?> view) {
            reader = reader.withView(view);
        }
        return reader;
    }

    private static void add(Map<String, FieldError> errors, FieldError error) {
        errors.putIfAbsent(error.field(), error);
    }

    /** Every object key in the body that starts with {@code $} or contains a dot, at any depth. */
    static List<FieldError> unsafeKeys(JsonParser parser) {
        List<FieldError> found = new ArrayList<>();
        try (parser) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                String key = token == JsonToken.PROPERTY_NAME ? parser.currentName() : null;
                if (key != null && (key.startsWith("$") || key.contains("."))) {
                    found.add(new FieldError(JsonPath.at(parser), UNSAFE_KEY));
                }
            }
        } catch (JacksonException malformed) {
            // reading the body as its type reports where it stops being JSON
        }
        return found;
    }

    /**
     * Notes each field the body type does not declare, and each value of the wrong shape (a list for a text, say),
     * with its path, and reads on; Jackson's own handler collects the values of the right shape that do not parse.
     */
    static final class BodyProblemCollector extends CollectingProblemHandler {

        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                                             ValueDeserializer<?> deserializer, Object beanOrClass,
                                             String propertyName) {
            List<FieldError> found = found(context);
            if (found == null) {
                return false;
            }
            Class<?> bodyType = beanOrClass instanceof Class<?> type ? type : beanOrClass.getClass();
            found.add(new FieldError(JsonPath.at(parser), JsonProblems.unknownField(bodyType, propertyName)));
            parser.skipChildren();
            return true;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext context, JavaType targetType, JsonToken token,
                                            JsonParser parser, String failureMessage) {
            List<FieldError> found = found(context);
            String path = JsonPath.at(parser);
            if (found == null || path.isEmpty() || targetType.isPrimitive()) {
                return NOT_HANDLED;
            }
            found.add(new FieldError(path, JsonProblems.expected(targetType.getRawClass())));
            parser.skipChildren();
            return null;
        }

        @SuppressWarnings("unchecked")
        private static List<FieldError> found(DeserializationContext context) {
            return context.getAttribute(BODY_PROBLEMS) instanceof List<?> found ? (List<FieldError>) found : null;
        }
    }
}
