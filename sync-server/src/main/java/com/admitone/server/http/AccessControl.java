package com.admitone.server.http;

import com.admitone.model.problem.ErrorCode;
import com.admitone.server.auth.AuthService;
import com.admitone.server.auth.Principal;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;

import java.util.Set;

/**
 * Authorisation for every matched route: a route that declares no roles is denied, ANYONE routes
 * are open, every other route needs a valid session whose role the route names. Static files (the
 * Swagger UI webjar behind {@code /openapi}) match no route and so carry no roles; they are public.
 */
public final class AccessControl implements Handler {
    private static final String PRINCIPAL = "admitone.principal";
    static final String PUBLIC_FILES = "/webjars/";

    private final AuthService auth;

    public AccessControl(AuthService auth) {
        this.auth = auth;
    }

    @Override
    public void handle(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.contains(Access.ANYONE)) {
            return;
        }
        if (roles.isEmpty() && isPublicFile(ctx)) {
            return;
        }
        if (roles.isEmpty()) {
            throw new ApiException(ErrorCode.FORBIDDEN_ROLE, "This route is closed.");
        }
        Principal principal = auth.authenticate(bearer(ctx));
        if (!roles.contains(Access.of(principal.role()))) {
            throw new ApiException(ErrorCode.FORBIDDEN_ROLE, "The " + principal.role().wireName() + " role may not do this.");
        }
        ctx.attribute(PRINCIPAL, principal);
    }

    private static boolean isPublicFile(Context ctx) {
        HandlerType method = ctx.method();
        return (method == HandlerType.GET || method == HandlerType.HEAD) && ctx.path().startsWith(PUBLIC_FILES);
    }

    public static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "Log in first.");
        }
        return principal;
    }

    public static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).strip();
    }
}
