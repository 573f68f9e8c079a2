package ai.honeyhive.jaxrs;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class QuotaExceededMapper implements ExceptionMapper<AssistantResource.QuotaExceededException> {

    @Override
    public Response toResponse(AssistantResource.QuotaExceededException exception) {
        return Response.status(503).entity(exception.getMessage()).build();
    }
}
