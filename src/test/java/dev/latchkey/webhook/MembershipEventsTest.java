package dev.latchkey.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.latchkey.membership.MembershipRemovals;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MembershipEventsTest {

    private final List<String> asked = new ArrayList<>();
    private final MembershipEvents events = new MembershipEvents();

    MembershipEventsTest() {
        events.removals = new MembershipRemovals() {
            @Override
            public boolean removedFromOrganization(long githubUserId, long organizationId) {
                asked.add("organization " + githubUserId + " " + organizationId);
                return true;
            }

            @Override
            public boolean removedFromTeam(long githubUserId, long teamId) {
                asked.add("team " + githubUserId + " " + teamId);
                return true;
            }

            @Override
            public int teamDeleted(long teamId) {
                asked.add("deleted " + teamId);
                return teamId == 7 ? 2 : 0;
            }
        };
    }

    @Test
    void eachEventNamesTheUserAndTheOrganizationOrTeamByNumericId() {
        assertEquals("processed", apply("organization", "{'action':'member_removed','membership':{'state':'active',"
                + "'user':{'login':'octo','id':11}},'organization':{'login':'acme','id':22},'sender':{'id':33}}"));
        assertEquals("processed", apply("membership", "{'action':'removed','scope':'team','member':{'id':11},"
                + "'team':{'id':44,'slug':'core'},'organization':{'id':22},'sender':{'id':33}}"));
        assertEquals("processed", apply("team", "{'action':'deleted','team':{'id':7},'organization':{'id':22}}"));
        assertEquals("ignored", apply("team", "{'action':'deleted','team':{'id':8}}"), "a team nobody was found in");

        assertEquals(List.of("organization 11 22", "team 11 44", "deleted 7", "deleted 8"), asked);
    }

    @Test
    void otherActionsScopesAndMalformedIdsAreIgnoredWithoutAsking() {
        assertEquals("ignored", apply("organization", "{'action':'member_added','membership':{'user':{'id':11}},"
                + "'organization':{'id':22}}"));
        assertEquals("ignored", apply("organization", "{'action':'member_removed','membership':{'user':{'id':'11'}},"
                + "'organization':{'id':22}}"));
        assertEquals("ignored", apply("organization", "{'action':'member_removed','membership':{'user':{'id':1.5}},"
                + "'organization':{'id':22}}"));
        assertEquals("ignored", apply("membership", "{'action':'removed','scope':'organization','member':{'id':11},"
                + "'team':{'id':44}}"));
        assertEquals("ignored", apply("membership", "{'action':'added','scope':'team','member':{'id':11},"
                + "'team':{'id':44}}"));
        assertEquals("ignored", apply("membership", "{'action':'removed','scope':'team','member':[11],"
                + "'team':{'id':44}}"));
        assertEquals("ignored", apply("team", "{'action':'edited','team':{'id':7}}"));
        assertEquals("ignored", apply("team", "{'action':'deleted'}"));

        assertEquals(List.of(), asked);
    }

    private String apply(String event, String json) {
        JsonObject payload = Json.createReader(new StringReader(json.replace('\'', '"'))).readObject();
        return events.apply("delivery-1", event, payload);
    }
}
