package dev.latchkey.auth;

import dev.latchkey.caller.AuthenticatedCaller;
import dev.latchkey.membership.MembershipWatch;
import dev.latchkey.user.User;
import dev.latchkey.user.UserView;
import dev.latchkey.user.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The signed-in user as {@code /auth/me} shows them, naming the admin acting as them in an impersonation session,
 * with the organizations and teams their last membership check found them in.
 */
@ApplicationScoped
class MeViews {

    @Inject
    Users users;

    @Inject
    MembershipWatch membership;

    UserView of(AuthenticatedCaller caller) {
        User admin = caller.impersonated() ? users.find(caller.impersonatorId()).orElse(null) : null;
        return UserView.of(caller.user(), admin).withOrgs(membership.found(caller.userId()));
    }
}
