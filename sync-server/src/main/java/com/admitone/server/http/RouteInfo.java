package com.admitone.server.http;

import java.util.Set;

/**
 * One HTTP route the running server answers: its method, its path as declared (with
 * {@code {param}} placeholders) and the names of the {@link Access} roles it admits.
 */
public record RouteInfo(String method, String path, Set<String> roles) {
    public RouteInfo {
        roles = Set.copyOf(roles);
    }
}
