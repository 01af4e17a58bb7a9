package dev.tandem.platform.correlation;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Takes the caller's {@value CorrelationId#HEADER} (or makes one) and echoes it on the response. */
public class CorrelationIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try (CorrelationId.Scope scope = CorrelationId.open(request.getHeader(CorrelationId.HEADER), null)) {
            response.setHeader(CorrelationId.HEADER, CorrelationId.current());
            chain.doFilter(request, response);
        }
    }
}
