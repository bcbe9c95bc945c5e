package dev.latchkey.auth;

import dev.latchkey.user.User;
import dev.latchkey.user.UserView;
import dev.latchkey.user.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The signed-in user as {@code /auth/me} shows them, naming the admin acting as them in an impersonation session.
 */
@ApplicationScoped
class MeViews {

    @Inject
    Users users;

    UserView of(AuthenticatedCaller caller) {
        User admin = caller.impersonated() ? users.find(caller.impersonatorId()).orElse(null) : null;
        return UserView.of(caller.user(), admin);
    }
}
