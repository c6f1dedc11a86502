package org.govgrid.security;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.govgrid.basedata.CreditCodes;
import org.govgrid.event.EventSetup;
import org.govgrid.event.model.RoutingRule;
import org.govgrid.identity.IdentityProvisioning;
import org.govgrid.messaging.Notice;
import org.govgrid.messaging.Notifications;
import org.govgrid.patrol.PatrolSetup;
import org.govgrid.support.Accounts;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.TestIds;
import org.govgrid.support.TestImages;
import org.govgrid.warning.WarningSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN §7: every endpoint has authorization tests. One row per endpoint: anonymous is
 * 401, a role without the permission is 403 (and audited as ACCESS_DENIED), and an object
 * outside the caller's scope is 404, never 403. Actors for the 401/403 checks are
 * city-wide, so a 403 is about the role and never about the scope; the 404 actors hold
 * the permission but are scoped to town 320505006 while the objects live in 320505007.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT extends ApiIntegrationTest {

	private static final String CITY = "320500";

	private static final String TOWN = "320505006";

	private static final String OTHER_TOWN = "320505007";

	/** The roles the table uses (see V3__identity_users_roles_devices.sql). */
	private static final String SYS_ADMIN = "SYS_ADMIN";

	private static final String SEC_ADMIN = "SEC_ADMIN";

	private static final String AUDITOR = "AUDITOR";

	private static final String GRID_WORKER = "GRID_WORKER";

	private static final String CENTER_STAFF = "CENTER_STAFF";

	/** Department handlers ask for 12345 extensions (signed in by the hotline block). */
	private static final String HOTLINE_HANDLER = "DEPT_HANDLER";

	/** What a path's {@code {id}} stands for, and so how it is put out of scope. */
	enum Target {

		/** No object in the path. */
		NONE,
		/** A region of the other town. */
		REGION,
		/** A grid point of the other town (query string). */
		POINT,
		/** A user scoped to the other town. */
		USER,
		/** A department of the other town. */
		DEPARTMENT,
		/** A device bound to a user of the other town. */
		DEVICE,
		/** Roles are global: an unknown id. */
		ROLE,
		/** A file uploaded by a user of the other town. */
		FILE,
		/** An event reported in the other town. */
		EVENT,
		/** A routing rule of the other town. */
		RULE,
		/** A task given inside the other town. */
		TASK,
		/** Categories are global: an unknown code. */
		CATEGORY,
		/** A patrol walked in the other town. */
		PATROL,
		/** A grid of the other town, as a {@code gridId} query parameter. */
		GRID,
		/** The other town, as a {@code regionId} query parameter. */
		AREA,
		/** A patrol plan for a grid of the other town. */
		PLAN,
		/** Forms are global: an unknown id. */
		FORM,
		/** A record collected in the other town. */
		RECORD,
		/** A notification of another user (one's own only, whatever the scope). */
		NOTIFICATION,
		/** A warning rule of the other town. */
		WARNING_RULE,
		/** An alert in the other town. */
		ALERT,
		/** Point rules are global: an unknown code. */
		POINT_RULE,
		/** A person registered in the other town. */
		PERSON,
		/** A grid of the other town, as the path's id. */
		GRID_ID,
		/** A house registered in the other town. */
		HOUSE,
		/** A place registered in the other town. */
		PLACE,
		/** An IoT device in a grid of the other town. */
		IOT_DEVICE,
		/** An organisation registered in the other town. */
		ORGANIZATION,
		/** A thing (部件) registered in the other town. */
		THING,
		/** A dispute registered in the other town. */
		DISPUTE,
		/** An import job of a user of the other town (jobs are their creator's alone). */
		IMPORT,
		/**
		 * A finished users import (bulk users, issue 20 item 4): the visible one is the
		 * city-wide system admin's own, the other another admin's.
		 */
		USER_IMPORT,
		/** A camera (video) registered in the other town. */
		CAMERA,
		/** A bulk boundary import run by a system admin of the other town. */
		REGION_IMPORT,
		/** A notice (通知公告) written and published in the other town. */
		NOTICE,
		/** An academy course made in the other town (reaches only that town). */
		COURSE,
		/** The quiz of that course. */
		QUIZ,
		/** A supervision item (督办) on an event of the other town. */
		SUPERVISION_ITEM,
		/** A party organisation of the other town. */
		PARTY_ORGANIZATION,
		/** A party member placed in a grid of the other town. */
		PARTY_MEMBER,
		/** A party activity held in the other town. */
		PARTY_ACTIVITY,
		/** A utility meter (水电煤气) on a house of the other town. */
		METER,
		/** A public-opinion item about a grid of the other town (special-social). */
		OPINION,
		/** An API client (open platform) whose region is the other town. */
		API_CLIENT,
		/** A webhook delivery (open platform) to a client of the other town. */
		WEBHOOK_DELIVERY,
		/** A 12345 work order (hotline) placed in a grid of the other town. */
		HOTLINE_ORDER,
		/** An extension request on that order. */
		HOTLINE_EXTENSION,
		/** Backups are global (ops): an unknown id. */
		BACKUP,
		/** Restore drills are global (ops): an unknown id. */
		DRILL,
		/** Scheduled jobs are global (ops): a name that is no job. */
		JOB,
		/** Log digests are global (ops log review): a day that has none. */
		LOG_DIGEST,

		/** A pending password reset of a system admin of the other town (三员分立). */
		PASSWORD_RESET

	}

	/**
	 * One endpoint. {@code wrongRole} lacks the permission (null: any signed-in user may
	 * call it); {@code holder} has it and is scoped to {@link #TOWN} for the 404 check.
	 */
	record Endpoint(String method, String path, String wrongRole, String holder, Target target) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	private static Endpoint endpoint(String method, String path, String wrongRole, String holder, Target target) {
		return new Endpoint(method, path, wrongRole, holder, target);
	}

	static Stream<Endpoint> endpoints() {
		return Stream.of(
		// @formatter:off
		//       method    path                                           wrong role   holder       out of scope
		endpoint("GET",    "/api/v1/regions/tree",                        AUDITOR,     GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/regions/{id}",                        AUDITOR,     GRID_WORKER, Target.REGION),
		endpoint("GET",    "/api/v1/regions/locate",                      AUDITOR,     GRID_WORKER, Target.POINT),
		endpoint("GET",    "/api/v1/regions/{id}/grids.geojson",          AUDITOR,     GRID_WORKER, Target.REGION),
		endpoint("POST",   "/api/v1/regions",                             GRID_WORKER, SYS_ADMIN,   Target.NONE),
		endpoint("PUT",    "/api/v1/regions/{id}",                        SEC_ADMIN,   SYS_ADMIN,   Target.REGION),
		endpoint("POST",   "/api/v1/auth/logout",                         null,        GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/auth/me",                             null,        GRID_WORKER, Target.NONE),
		endpoint("POST",   "/api/v1/auth/password",                       null,        GRID_WORKER, Target.NONE),
		endpoint("POST",   "/api/v1/auth/device",                         null,        GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/users",                               GRID_WORKER, SYS_ADMIN,   Target.NONE),
		endpoint("GET",    "/api/v1/users/{id}",                          AUDITOR,     SYS_ADMIN,   Target.USER),
		endpoint("POST",   "/api/v1/users",                               SEC_ADMIN,   SYS_ADMIN,   Target.NONE),
		endpoint("PUT",    "/api/v1/users/{id}",                          SEC_ADMIN,   SYS_ADMIN,   Target.USER),
		endpoint("POST",   "/api/v1/users/{id}/disable",                  SEC_ADMIN,   SYS_ADMIN,   Target.USER),
		endpoint("POST",   "/api/v1/users/{id}/enable",                   SEC_ADMIN,   SYS_ADMIN,   Target.USER),
		endpoint("POST",   "/api/v1/users/{id}/unlock",                   SYS_ADMIN,   SEC_ADMIN,   Target.USER),
		endpoint("POST",   "/api/v1/users/{id}/password-reset",           AUDITOR,     SEC_ADMIN,   Target.USER),
		endpoint("DELETE", "/api/v1/users/{id}",                          SEC_ADMIN,   SYS_ADMIN,   Target.USER),
		endpoint("GET",    "/api/v1/departments",                         GRID_WORKER, SYS_ADMIN,   Target.NONE),
		endpoint("GET",    "/api/v1/departments/{id}",                    SEC_ADMIN,   SYS_ADMIN,   Target.DEPARTMENT),
		endpoint("POST",   "/api/v1/departments",                         GRID_WORKER, SYS_ADMIN,   Target.NONE),
		endpoint("PUT",    "/api/v1/departments/{id}",                    SEC_ADMIN,   SYS_ADMIN,   Target.DEPARTMENT),
		endpoint("DELETE", "/api/v1/departments/{id}",                    SEC_ADMIN,   SYS_ADMIN,   Target.DEPARTMENT),
		endpoint("GET",    "/api/v1/permissions",                         GRID_WORKER, SEC_ADMIN,   Target.NONE),
		endpoint("GET",    "/api/v1/roles",                               AUDITOR,     SEC_ADMIN,   Target.NONE),
		endpoint("GET",    "/api/v1/roles/{id}",                          GRID_WORKER, SEC_ADMIN,   Target.ROLE),
		endpoint("POST",   "/api/v1/roles",                               SYS_ADMIN,   SEC_ADMIN,   Target.NONE),
		endpoint("PUT",    "/api/v1/roles/{id}",                          SYS_ADMIN,   SEC_ADMIN,   Target.ROLE),
		endpoint("DELETE", "/api/v1/roles/{id}",                          SYS_ADMIN,   SEC_ADMIN,   Target.ROLE),
		endpoint("GET",    "/api/v1/devices",                             SEC_ADMIN,   SYS_ADMIN,   Target.NONE),
		endpoint("GET",    "/api/v1/devices/{id}",                        GRID_WORKER, SYS_ADMIN,   Target.DEVICE),
		endpoint("POST",   "/api/v1/devices",                             SEC_ADMIN,   SYS_ADMIN,   Target.NONE),
		endpoint("PUT",    "/api/v1/devices/{id}",                        SEC_ADMIN,   SYS_ADMIN,   Target.DEVICE),
		endpoint("DELETE", "/api/v1/devices/{id}",                        AUDITOR,     SYS_ADMIN,   Target.DEVICE),
		endpoint("GET",    "/api/v1/event-categories",                    AUDITOR,     GRID_WORKER, Target.NONE),
		endpoint("POST",   "/api/v1/event-categories",                    CENTER_STAFF, SYS_ADMIN,  Target.NONE),
		endpoint("PUT",    "/api/v1/event-categories/{code}",             CENTER_STAFF, SYS_ADMIN,  Target.CATEGORY),
		endpoint("GET",    "/api/v1/events",                              AUDITOR,     GRID_WORKER, Target.NONE),
		endpoint("POST",   "/api/v1/events",                              AUDITOR,     GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/events/{id}",                         SYS_ADMIN,   GRID_WORKER, Target.EVENT),
		endpoint("POST",   "/api/v1/events/{id}/{action}",                AUDITOR,     GRID_WORKER, Target.EVENT),
		endpoint("GET",    "/api/v1/events/dispatch-targets",             GRID_WORKER, CENTER_STAFF, Target.NONE),
		// 智能分拨 (issue 19 item 1): suggested category and unit for a report; the keyword rules
		endpoint("POST",   "/api/v1/events/suggest",                      AUDITOR,     GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/events/suggest/keywords/{code}",      CENTER_STAFF, SYS_ADMIN,  Target.CATEGORY),
		endpoint("PUT",    "/api/v1/events/suggest/keywords/{code}",      GRID_WORKER, SYS_ADMIN,   Target.CATEGORY),
		endpoint("GET",    "/api/v1/routing-rules",                       GRID_WORKER, SYS_ADMIN,   Target.NONE),
		endpoint("POST",   "/api/v1/routing-rules",                       CENTER_STAFF, SYS_ADMIN,  Target.NONE),
		endpoint("PUT",    "/api/v1/routing-rules/{id}",                  CENTER_STAFF, SYS_ADMIN,  Target.RULE),
		endpoint("DELETE", "/api/v1/routing-rules/{id}",                  GRID_WORKER, SYS_ADMIN,   Target.RULE),
		endpoint("GET",    "/api/v1/collection/forms",                    AUDITOR,     GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/collection/forms/{id}",               AUDITOR,     GRID_WORKER, Target.FORM),
		endpoint("POST",   "/api/v1/collection/forms",                    GRID_WORKER, SYS_ADMIN,   Target.NONE),
		endpoint("POST",   "/api/v1/collection/forms/{id}/versions",      GRID_WORKER, SYS_ADMIN,   Target.FORM),
		endpoint("GET",    "/api/v1/collection/forms/{id}/versions/{version}", AUDITOR,     GRID_WORKER, Target.FORM),
		endpoint("GET",    "/api/v1/collection/campaign-workers",         GRID_WORKER, CENTER_STAFF, Target.AREA),
		endpoint("GET",    "/api/v1/collection/campaigns",                AUDITOR,     GRID_WORKER, Target.NONE),
		endpoint("POST",   "/api/v1/collection/campaigns",                GRID_WORKER, CENTER_STAFF, Target.NONE),
		endpoint("POST",   "/api/v1/collection/records",                  CENTER_STAFF, GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/collection/records",                  AUDITOR,     GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/collection/collectors",               AUDITOR,     GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/collection/records/{id}",             SYS_ADMIN,   GRID_WORKER, Target.RECORD),
		endpoint("POST",   "/api/v1/collection/records/{id}/{action}",    AUDITOR,     GRID_WORKER, Target.RECORD),
		endpoint("GET",    "/api/v1/patrol-domains",                      AUDITOR,     GRID_WORKER, Target.NONE),
		endpoint("POST",   "/api/v1/patrols",                             CENTER_STAFF, GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/patrols",                             AUDITOR,     GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/patrols/{id}",                        SYS_ADMIN,   GRID_WORKER, Target.PATROL),
		endpoint("POST",   "/api/v1/patrols/{id}/track",                  CENTER_STAFF, GRID_WORKER, Target.PATROL),
		endpoint("POST",   "/api/v1/patrols/{id}/items",                  CENTER_STAFF, GRID_WORKER, Target.PATROL),
		endpoint("POST",   "/api/v1/patrols/{id}/finish",                 CENTER_STAFF, GRID_WORKER, Target.PATROL),
		endpoint("GET",    "/api/v1/patrol-plans",                        AUDITOR,     GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/patrol-plans/mine",                   CENTER_STAFF, GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/patrol-plans/assignees",              GRID_WORKER, CENTER_STAFF, Target.GRID),
		endpoint("GET",    "/api/v1/patrol-plans/{id}",                   SYS_ADMIN,   CENTER_STAFF, Target.PLAN),
		endpoint("POST",   "/api/v1/patrol-plans",                        GRID_WORKER, CENTER_STAFF, Target.NONE),
		endpoint("PUT",    "/api/v1/patrol-plans/{id}",                   GRID_WORKER, CENTER_STAFF, Target.PLAN),
		endpoint("DELETE", "/api/v1/patrol-plans/{id}",                   GRID_WORKER, CENTER_STAFF, Target.PLAN),
		endpoint("GET",    "/api/v1/stats/dashboard",                     GRID_WORKER, CENTER_STAFF, Target.AREA),
		endpoint("GET",    "/api/v1/stats/query",                         GRID_WORKER, CENTER_STAFF, Target.AREA),
		endpoint("GET",    "/api/v1/stats/query.xlsx",                    GRID_WORKER, CENTER_STAFF, Target.AREA),
		endpoint("GET",    "/api/v1/stats/personnel",                     GRID_WORKER, CENTER_STAFF, Target.AREA),
		endpoint("GET",    "/api/v1/stats/assessment",                    GRID_WORKER, CENTER_STAFF, Target.AREA),
		endpoint("GET",    "/api/v1/stats/assessment.xlsx",               AUDITOR,     CENTER_STAFF, Target.AREA),
		endpoint("GET",    "/api/v1/stats/tasks",                         GRID_WORKER, CENTER_STAFF, Target.AREA),
		endpoint("GET",    "/api/v1/stats/tasks.xlsx",                    AUDITOR,     CENTER_STAFF, Target.AREA),
		endpoint("GET",    "/api/v1/stats/personnel.xlsx",                AUDITOR,     CENTER_STAFF, Target.AREA),
		endpoint("GET",    "/api/v1/stats/dashboard-layout",              GRID_WORKER, CENTER_STAFF, Target.NONE),
		endpoint("PUT",    "/api/v1/stats/dashboard-layout",              GRID_WORKER, CENTER_STAFF, Target.NONE),
		endpoint("DELETE", "/api/v1/stats/dashboard-layout",              AUDITOR,     CENTER_STAFF, Target.NONE),
		endpoint("GET",    "/api/v1/warning-rules",                       GRID_WORKER, CENTER_STAFF, Target.NONE),
		endpoint("GET",    "/api/v1/warning-rules/kinds",                 GRID_WORKER, CENTER_STAFF, Target.NONE),
		endpoint("GET",    "/api/v1/warning-rules/{id}",                  GRID_WORKER, CENTER_STAFF, Target.WARNING_RULE),
		endpoint("POST",   "/api/v1/warning-rules",                       GRID_WORKER, CENTER_STAFF, Target.NONE),
		endpoint("PUT",    "/api/v1/warning-rules/{id}",                  GRID_WORKER, CENTER_STAFF, Target.WARNING_RULE),
		endpoint("DELETE", "/api/v1/warning-rules/{id}",                  AUDITOR,     CENTER_STAFF, Target.WARNING_RULE),
		endpoint("POST",   "/api/v1/warning-rules/backtest",              GRID_WORKER, CENTER_STAFF, Target.NONE),
		endpoint("GET",    "/api/v1/alerts",                              GRID_WORKER, CENTER_STAFF, Target.AREA),
		endpoint("GET",    "/api/v1/alerts/{id}",                         SYS_ADMIN,   CENTER_STAFF, Target.ALERT),
		endpoint("POST",   "/api/v1/alerts/{id}/acknowledge",             SYS_ADMIN,   CENTER_STAFF, Target.ALERT),
		endpoint("POST",   "/api/v1/alerts/{id}/dismiss",                 GRID_WORKER, CENTER_STAFF, Target.ALERT),
		endpoint("POST",   "/api/v1/alerts/{id}/convert",                 AUDITOR,     CENTER_STAFF, Target.ALERT),
		// hotspots (热点研判, issue 19): 403 for a role without warning:hotspot:read, 404 for another town
		endpoint("GET",    "/api/v1/warning/hotspots",                    GRID_WORKER, CENTER_STAFF, Target.AREA),
		endpoint("GET",    "/api/v1/dicts/{type}",                        null,        GRID_WORKER, Target.NONE),
		// dictionaries (issue 20 item 5): code tables read by everyone, changed by the system
		// admin; not regional data, so nothing lies outside a scope
		endpoint("GET",    "/api/v1/dictionaries",                        null,        GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/dictionaries/{type}",                 null,        GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/dictionaries/{type}/history",         SEC_ADMIN,   SYS_ADMIN,   Target.NONE),
		endpoint("POST",   "/api/v1/dictionaries",                        AUDITOR,     SYS_ADMIN,   Target.NONE),
		endpoint("POST",   "/api/v1/dictionaries/{type}/items",           CENTER_STAFF, SYS_ADMIN,  Target.NONE),
		endpoint("PUT",    "/api/v1/dictionaries/{type}/items/{item}",    SEC_ADMIN,   SYS_ADMIN,   Target.NONE),
		endpoint("DELETE", "/api/v1/dictionaries/{type}/items/{item}",    GRID_WORKER, SYS_ADMIN,   Target.NONE),
		endpoint("GET",    "/api/v1/people",                              AUDITOR,     GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/people/{id}",                         SYS_ADMIN,   GRID_WORKER, Target.PERSON),
		endpoint("POST",   "/api/v1/people",                              AUDITOR,     GRID_WORKER, Target.NONE),
		endpoint("PUT",    "/api/v1/people/{id}",                         SEC_ADMIN,   GRID_WORKER, Target.PERSON),
		endpoint("POST",   "/api/v1/people/{id}/unmask",                  GRID_WORKER, CENTER_STAFF, Target.PERSON),
		endpoint("POST",   "/api/v1/people/lookup",                       AUDITOR,     GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/people/key-groups",                   SYS_ADMIN,   GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/houses",                              AUDITOR,     GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/houses/{id}",                         SYS_ADMIN,   GRID_WORKER, Target.HOUSE),
		endpoint("POST",   "/api/v1/houses",                              AUDITOR,     GRID_WORKER, Target.NONE),
		endpoint("PUT",    "/api/v1/houses/{id}",                         SEC_ADMIN,   GRID_WORKER, Target.HOUSE),
		endpoint("POST",   "/api/v1/houses/{id}/tenants",                 AUDITOR,     GRID_WORKER, Target.HOUSE),
		endpoint("DELETE", "/api/v1/houses/{id}/tenants/{personId}",      SYS_ADMIN,   GRID_WORKER, Target.HOUSE),
		endpoint("GET",    "/api/v1/places",                              SEC_ADMIN,   GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/places/{id}",                         AUDITOR,     GRID_WORKER, Target.PLACE),
		endpoint("POST",   "/api/v1/places",                              SYS_ADMIN,   GRID_WORKER, Target.NONE),
		endpoint("PUT",    "/api/v1/places/{id}",                         AUDITOR,     GRID_WORKER, Target.PLACE),
		endpoint("GET",    "/api/v1/organizations",                       AUDITOR,     GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/organizations/{id}",                  SYS_ADMIN,   GRID_WORKER, Target.ORGANIZATION),
		endpoint("POST",   "/api/v1/organizations",                       SEC_ADMIN,   GRID_WORKER, Target.NONE),
		endpoint("PUT",    "/api/v1/organizations/{id}",                  AUDITOR,     GRID_WORKER, Target.ORGANIZATION),
		endpoint("GET",    "/api/v1/things",                              SYS_ADMIN,   GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/things/{id}",                         AUDITOR,     GRID_WORKER, Target.THING),
		endpoint("POST",   "/api/v1/things",                              AUDITOR,     GRID_WORKER, Target.NONE),
		endpoint("PUT",    "/api/v1/things/{id}",                         SEC_ADMIN,   GRID_WORKER, Target.THING),
		endpoint("GET",    "/api/v1/disputes",                            AUDITOR,     GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/disputes/{id}",                       SEC_ADMIN,   GRID_WORKER, Target.DISPUTE),
		endpoint("POST",   "/api/v1/disputes",                            SYS_ADMIN,   GRID_WORKER, Target.NONE),
		endpoint("PUT",    "/api/v1/disputes/{id}",                       AUDITOR,     GRID_WORKER, Target.DISPUTE),
		endpoint("POST",   "/api/v1/disputes/{id}/steps",                 SEC_ADMIN,   GRID_WORKER, Target.DISPUTE),
		endpoint("GET",    "/api/v1/daily-notes",                         SYS_ADMIN,   GRID_WORKER, Target.NONE),
		endpoint("POST",   "/api/v1/daily-notes",                         AUDITOR,     GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/map/layers/{type}.geojson",           SYS_ADMIN,   GRID_WORKER, Target.AREA),
		// map layer registry (issue 22, 7.2.2a): the layers a caller may see
		endpoint("GET",    "/api/v1/map/layers",                          AUDITOR,     GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/grids/{id}/profile",                  AUDITOR,     GRID_WORKER, Target.GRID_ID),
		endpoint("GET",    "/api/v1/imports/templates/{kind}.xlsx",      GRID_WORKER, CENTER_STAFF, Target.NONE),
		endpoint("POST",   "/api/v1/imports",                             GRID_WORKER, CENTER_STAFF, Target.NONE),
		endpoint("GET",    "/api/v1/imports",                             AUDITOR,     CENTER_STAFF, Target.NONE),
		endpoint("GET",    "/api/v1/imports/{id}",                        GRID_WORKER, CENTER_STAFF, Target.IMPORT),
		endpoint("GET",    "/api/v1/imports/{id}/errors",                 AUDITOR,     CENTER_STAFF, Target.IMPORT),
		endpoint("GET",    "/api/v1/imports/{id}/errors.xlsx",            GRID_WORKER, CENTER_STAFF, Target.IMPORT),
		// bulk users and departments (issue 20 item 4): the users and departments kinds go through the import
		// endpoints above (identity:user:import); the initial passwords of a finished users import, once
		endpoint("GET",    "/api/v1/imports/{id}/initial-passwords.xlsx", CENTER_STAFF, SYS_ADMIN,  Target.USER_IMPORT),
		// event ledger export (issue 20 item 6): {kind} decides through its own export permission; checked here with
		// people (basedata:export), events (event:export: grid workers 403, other town none) in EventLedgerExportIT
		endpoint("GET",    "/api/v1/exports/{kind}.xlsx",                 GRID_WORKER, CENTER_STAFF, Target.NONE),
		// Jiangsu resource catalogue export (标准 7.3.2b): {kind} is a catalogue table; rows are the caller's area
		endpoint("GET",    "/api/v1/exports/catalogue/{kind}.xlsx",       GRID_WORKER, CENTER_STAFF, Target.NONE),
		endpoint("GET",    "/api/v1/point-rules",                         AUDITOR,     GRID_WORKER, Target.NONE),
		endpoint("PUT",    "/api/v1/point-rules/{code}",                  GRID_WORKER, SYS_ADMIN,   Target.POINT_RULE),
		endpoint("GET",    "/api/v1/rankings/workers",                    SYS_ADMIN,   GRID_WORKER, Target.AREA),
		endpoint("GET",    "/api/v1/rankings/grids",                      AUDITOR,     CENTER_STAFF, Target.AREA),
		endpoint("GET",    "/api/v1/search",                              AUDITOR,     GRID_WORKER, Target.NONE),
		endpoint("POST",   "/api/v1/search",                              SYS_ADMIN,   GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/points/me",                           SEC_ADMIN,   GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/points/{userId}",                     AUDITOR,     CENTER_STAFF, Target.USER),
		endpoint("GET",    "/api/v1/dispatch/collaborative-events",       GRID_WORKER, CENTER_STAFF, Target.NONE),
		endpoint("POST",   "/api/v1/dispatch/assignments",                GRID_WORKER, CENTER_STAFF, Target.NONE),
		endpoint("GET",    "/api/v1/dispatch/tasks",                      AUDITOR,     GRID_WORKER, Target.NONE),
		endpoint("POST",   "/api/v1/dispatch/tasks",                      GRID_WORKER, CENTER_STAFF, Target.NONE),
		endpoint("POST",   "/api/v1/dispatch/tasks/{id}/{action}",        SEC_ADMIN,   GRID_WORKER, Target.TASK),
		// live worker positions (issue 19 item 4): the board's list and stream, the phone's heartbeat
		endpoint("GET",    "/api/v1/dispatch/worker-positions",           GRID_WORKER, CENTER_STAFF, Target.AREA),
		endpoint("GET",    "/api/v1/dispatch/worker-positions/stream",    GRID_WORKER, CENTER_STAFF, Target.NONE),
		endpoint("POST",   "/api/v1/patrol/heartbeat",                    CENTER_STAFF, GRID_WORKER, Target.NONE),
		endpoint("POST",   "/api/v1/files",                               AUDITOR,     GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/files/{id}",                          SEC_ADMIN,   GRID_WORKER, Target.FILE),
		endpoint("GET",    "/api/v1/files/{id}/thumbnail",                AUDITOR,     GRID_WORKER, Target.FILE),
		endpoint("GET",    "/api/v1/notifications",                       null,        GRID_WORKER, Target.NONE),
		endpoint("POST",   "/api/v1/notifications/{id}/read",             null,        GRID_WORKER, Target.NOTIFICATION),
		endpoint("POST",   "/api/v1/notifications/read-all",              null,        GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/notifications/stream",                null,        GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/audit/logs",                          SYS_ADMIN,   AUDITOR,     Target.NONE),
		endpoint("GET",    "/api/v1/audit/verify",                        SYS_ADMIN,   AUDITOR,     Target.NONE),
		// hotline (issue 16 item 8, 12345工单): orders, extension requests and decisions, the
		// return call, the working-day calendar
		endpoint("POST",   "/api/v1/hotline/orders",                      GRID_WORKER, CENTER_STAFF, Target.NONE),
		endpoint("GET",    "/api/v1/hotline/orders",                      GRID_WORKER, CENTER_STAFF, Target.NONE),
		endpoint("GET",    "/api/v1/hotline/orders/{id}",                 AUDITOR,     CENTER_STAFF, Target.HOTLINE_ORDER),
		endpoint("POST",   "/api/v1/hotline/orders/{id}/extensions",      CENTER_STAFF, HOTLINE_HANDLER, Target.HOTLINE_ORDER),
		endpoint("POST",   "/api/v1/hotline/extensions/{id}/approve",     GRID_WORKER, CENTER_STAFF, Target.HOTLINE_EXTENSION),
		endpoint("POST",   "/api/v1/hotline/extensions/{id}/refuse",      SYS_ADMIN,   CENTER_STAFF, Target.HOTLINE_EXTENSION),
		endpoint("POST",   "/api/v1/hotline/orders/{id}/return-visit",    SYS_ADMIN,   CENTER_STAFF, Target.HOTLINE_ORDER),
		endpoint("GET",    "/api/v1/hotline/calendar",                    GRID_WORKER, CENTER_STAFF, Target.NONE),
		endpoint("PUT",    "/api/v1/hotline/calendar/{date}",             CENTER_STAFF, SYS_ADMIN,  Target.NONE),
		// video: camera registry, its map layer, the video-AI webhook (signed, no session:
		// anonymous and unsigned alike are 401)
		endpoint("GET",    "/api/v1/video/cameras",                       AUDITOR,     GRID_WORKER, Target.AREA),
		endpoint("GET",    "/api/v1/video/cameras/{id}",                  SEC_ADMIN,   GRID_WORKER, Target.CAMERA),
		endpoint("POST",   "/api/v1/video/cameras",                       GRID_WORKER, CENTER_STAFF, Target.NONE),
		endpoint("PUT",    "/api/v1/video/cameras/{id}",                  GRID_WORKER, CENTER_STAFF, Target.CAMERA),
		endpoint("GET",    "/api/v1/map/layers/cameras.geojson",          AUDITOR,     GRID_WORKER, Target.AREA),
		endpoint("POST",   "/api/v1/video/ai-events",                     null,        GRID_WORKER, Target.NONE),
		// 三员分立 (issue 21 item 5): pending resets of the separated admins and their approval by a second admin
		endpoint("GET",    "/api/v1/password-resets",                     AUDITOR,     SEC_ADMIN,   Target.NONE),
		endpoint("POST",   "/api/v1/password-resets/{id}/approve",        AUDITOR,     SEC_ADMIN,   Target.PASSWORD_RESET),
		// boundaries (issue 20 item 1): bulk grid boundary import under a region of one's scope, its job report
		endpoint("POST",   "/api/v1/regions/imports",                     SEC_ADMIN,   SYS_ADMIN,   Target.AREA),
		endpoint("GET",    "/api/v1/regions/imports/{id}",                SEC_ADMIN,   SYS_ADMIN,   Target.REGION_IMPORT),
		// drawing (issue 20 item 2): check a drawn boundary, split a grid, merge two (ids in the body:
		// their out-of-scope 404 is in BoundaryEditIT)
		endpoint("POST",   "/api/v1/regions/boundaries/validate",         SEC_ADMIN,   SYS_ADMIN,   Target.NONE),
		endpoint("POST",   "/api/v1/regions/{id}/split",                  SEC_ADMIN,   SYS_ADMIN,   Target.REGION),
		endpoint("POST",   "/api/v1/regions/merge",                       SEC_ADMIN,   SYS_ADMIN,   Target.NONE),
		// notice (issue 17 item 7, 通知公告): the inbox, one notice, its receipts; writing for managers
		endpoint("GET",    "/api/v1/notices",                             AUDITOR,     GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/notices/unread-count",                SEC_ADMIN,   GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/notices/{id}",                        AUDITOR,     CENTER_STAFF, Target.NOTICE),
		endpoint("POST",   "/api/v1/notices/{id}/read",                   AUDITOR,     GRID_WORKER, Target.NOTICE),
		endpoint("GET",    "/api/v1/notices/{id}/receipts",               GRID_WORKER, CENTER_STAFF, Target.NOTICE),
		endpoint("POST",   "/api/v1/notices",                             GRID_WORKER, CENTER_STAFF, Target.NONE),
		endpoint("PUT",    "/api/v1/notices/{id}",                        GRID_WORKER, CENTER_STAFF, Target.NOTICE),
		endpoint("POST",   "/api/v1/notices/{id}/publish",                GRID_WORKER, CENTER_STAFF, Target.NOTICE),
		endpoint("POST",   "/api/v1/notices/{id}/withdraw",               SEC_ADMIN,   CENTER_STAFF, Target.NOTICE),
		// academy (网格学院): courses, progress, quiz attempts, learning records
		endpoint("GET",    "/api/v1/academy/courses",                     AUDITOR,     GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/academy/courses/{id}",                SYS_ADMIN,   GRID_WORKER, Target.COURSE),
		endpoint("POST",   "/api/v1/academy/courses",                     GRID_WORKER, CENTER_STAFF, Target.NONE),
		endpoint("PUT",    "/api/v1/academy/courses/{id}",                GRID_WORKER, CENTER_STAFF, Target.COURSE),
		endpoint("POST",   "/api/v1/academy/courses/{id}/progress",       SEC_ADMIN,   GRID_WORKER, Target.COURSE),
		endpoint("POST",   "/api/v1/academy/quizzes/{id}/attempts",       AUDITOR,     GRID_WORKER, Target.QUIZ),
		endpoint("GET",    "/api/v1/academy/records",                     SYS_ADMIN,   CENTER_STAFF, Target.AREA),
		// supervision (督办): items on events, responses, reminders, closing, the per-unit tally
		endpoint("GET",    "/api/v1/supervision/items",                   AUDITOR,     CENTER_STAFF, Target.AREA),
		endpoint("GET",    "/api/v1/supervision/items/{id}",              GRID_WORKER, CENTER_STAFF, Target.SUPERVISION_ITEM),
		endpoint("GET",    "/api/v1/supervision/tally",                   SYS_ADMIN,   CENTER_STAFF, Target.AREA),
		endpoint("POST",   "/api/v1/supervision/items",                   GRID_WORKER, CENTER_STAFF, Target.NONE),
		endpoint("POST",   "/api/v1/supervision/items/{id}/respond",      SEC_ADMIN,   CENTER_STAFF, Target.SUPERVISION_ITEM),
		endpoint("POST",   "/api/v1/supervision/items/{id}/remind",       GRID_WORKER, CENTER_STAFF, Target.SUPERVISION_ITEM),
		endpoint("POST",   "/api/v1/supervision/items/{id}/close",        AUDITOR,     CENTER_STAFF, Target.SUPERVISION_ITEM),
		// 重点人员排查: the dashboard widget's campaign progress per grid
		endpoint("GET",    "/api/v1/stats/screening",                     AUDITOR,     CENTER_STAFF, Target.AREA),
		// party building (issue 17, 7.2.1): organisations, members, activities, stats, map, the province sync
		endpoint("GET",    "/api/v1/party/organizations",                 AUDITOR,     GRID_WORKER, Target.AREA),
		endpoint("GET",    "/api/v1/party/organizations/tree",            AUDITOR,     GRID_WORKER, Target.AREA),
		endpoint("GET",    "/api/v1/party/organizations/{id}",            AUDITOR,     GRID_WORKER, Target.PARTY_ORGANIZATION),
		endpoint("POST",   "/api/v1/party/organizations",                 GRID_WORKER, CENTER_STAFF, Target.NONE),
		endpoint("PUT",    "/api/v1/party/organizations/{id}",            GRID_WORKER, CENTER_STAFF, Target.PARTY_ORGANIZATION),
		endpoint("GET",    "/api/v1/party/members",                       AUDITOR,     GRID_WORKER, Target.AREA),
		endpoint("GET",    "/api/v1/party/members/{id}",                  AUDITOR,     GRID_WORKER, Target.PARTY_MEMBER),
		endpoint("POST",   "/api/v1/party/members",                       GRID_WORKER, CENTER_STAFF, Target.NONE),
		endpoint("PUT",    "/api/v1/party/members/{id}",                  GRID_WORKER, CENTER_STAFF, Target.PARTY_MEMBER),
		endpoint("POST",   "/api/v1/party/members/{id}/unmask",           GRID_WORKER, CENTER_STAFF, Target.PARTY_MEMBER),
		endpoint("GET",    "/api/v1/party/activities",                    AUDITOR,     GRID_WORKER, Target.AREA),
		endpoint("GET",    "/api/v1/party/activities/{id}",               AUDITOR,     GRID_WORKER, Target.PARTY_ACTIVITY),
		endpoint("POST",   "/api/v1/party/activities",                    AUDITOR,     GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/party/stats",                         AUDITOR,     GRID_WORKER, Target.AREA),
		endpoint("GET",    "/api/v1/party/stats.xlsx",                    AUDITOR,     GRID_WORKER, Target.AREA),
		endpoint("GET",    "/api/v1/party/coverage.geojson",              AUDITOR,     GRID_WORKER, Target.AREA),
		endpoint("GET",    "/api/v1/map/layers/party-organizations.geojson", AUDITOR,  GRID_WORKER, Target.AREA),
		endpoint("GET",    "/api/v1/map/layers/party-activities.geojson", AUDITOR,     GRID_WORKER, Target.AREA),
		endpoint("PUT",    "/api/v1/party/sync/organizations",            CENTER_STAFF, SYS_ADMIN,  Target.NONE),
		endpoint("PUT",    "/api/v1/party/sync/members",                  CENTER_STAFF, SYS_ADMIN,  Target.NONE),
		// special (水电煤气): meters, a meter's daily series, the readings ingest
		endpoint("GET",    "/api/v1/special/meters",                      AUDITOR,     GRID_WORKER, Target.NONE),
		endpoint("GET",    "/api/v1/special/meters/{id}",                 SEC_ADMIN,   GRID_WORKER, Target.METER),
		endpoint("POST",   "/api/v1/special/meters",                      GRID_WORKER, CENTER_STAFF, Target.NONE),
		endpoint("PUT",    "/api/v1/special/meters/{id}",                 GRID_WORKER, CENTER_STAFF, Target.METER),
		endpoint("GET",    "/api/v1/special/meters/{id}/readings",        AUDITOR,     GRID_WORKER, Target.METER),
		endpoint("POST",   "/api/v1/special/utility-readings",            GRID_WORKER, CENTER_STAFF, Target.NONE),
		// special-social (issue 18): public opinion (网络舆情) and crowd flow (人流), fed by the centre
		endpoint("POST",   "/api/v1/special/opinions",                    GRID_WORKER, CENTER_STAFF, Target.NONE),
		endpoint("GET",    "/api/v1/special/opinions",                    AUDITOR,     GRID_WORKER, Target.AREA),
		endpoint("GET",    "/api/v1/special/opinions/{id}",               SEC_ADMIN,   GRID_WORKER, Target.OPINION),
		endpoint("POST",   "/api/v1/special/crowd-flow",                  GRID_WORKER, CENTER_STAFF, Target.NONE),
		endpoint("GET",    "/api/v1/special/crowd-flow",                  AUDITOR,     GRID_WORKER, Target.AREA),
		endpoint("GET",    "/api/v1/map/layers/crowd-flow.geojson",       AUDITOR,     GRID_WORKER, Target.AREA),
		// iot (issue 18, 物联感知): device registry, message log, alarm list, messages (signed by a
		// device, or posted by a user with iot:device:write)
		endpoint("GET",    "/api/v1/iot/devices",                         AUDITOR,     GRID_WORKER, Target.AREA),
		endpoint("GET",    "/api/v1/iot/devices/{id}",                    SEC_ADMIN,   GRID_WORKER, Target.IOT_DEVICE),
		endpoint("POST",   "/api/v1/iot/devices",                         GRID_WORKER, CENTER_STAFF, Target.NONE),
		endpoint("PUT",    "/api/v1/iot/devices/{id}",                    GRID_WORKER, CENTER_STAFF, Target.IOT_DEVICE),
		endpoint("GET",    "/api/v1/iot/devices/{id}/messages",           AUDITOR,     GRID_WORKER, Target.IOT_DEVICE),
		endpoint("GET",    "/api/v1/iot/alarms",                          AUDITOR,     GRID_WORKER, Target.AREA),
		endpoint("POST",   "/api/v1/iot/messages",                        AUDITOR,     CENTER_STAFF, Target.NONE),
		endpoint("GET",    "/actuator/prometheus",                        GRID_WORKER, SYS_ADMIN,   Target.NONE),
		endpoint("GET",    "/v3/api-docs",                                SEC_ADMIN,   SYS_ADMIN,   Target.NONE),
		endpoint("GET",    "/swagger-ui.html",                            AUDITOR,     SYS_ADMIN,   Target.NONE),
		// open platform (issue 16): API clients and the token signing keys, for the system admin
		endpoint("GET",    "/api/v1/open/clients",                        SEC_ADMIN,   SYS_ADMIN,   Target.NONE),
		endpoint("POST",   "/api/v1/open/clients",                        SEC_ADMIN,   SYS_ADMIN,   Target.NONE),
		endpoint("GET",    "/api/v1/open/clients/{id}",                   AUDITOR,     SYS_ADMIN,   Target.API_CLIENT),
		endpoint("PUT",    "/api/v1/open/clients/{id}",                   SEC_ADMIN,   SYS_ADMIN,   Target.API_CLIENT),
		endpoint("POST",   "/api/v1/open/clients/{id}/rotate-secret",     GRID_WORKER, SYS_ADMIN,   Target.API_CLIENT),
		endpoint("POST",   "/api/v1/open/clients/{id}/disable",           CENTER_STAFF, SYS_ADMIN,  Target.API_CLIENT),
		endpoint("POST",   "/api/v1/open/clients/{id}/enable",            SEC_ADMIN,   SYS_ADMIN,   Target.API_CLIENT),
		// the OpenAPI document narrowed to a client's scopes, or to the caller's own codes
		endpoint("GET",    "/api/v1/open/clients/{id}/openapi.json",      AUDITOR,     SYS_ADMIN,   Target.API_CLIENT),
		endpoint("GET",    "/api/v1/open/openapi.json",                   null,        GRID_WORKER, Target.NONE),
		endpoint("POST",   "/api/v1/open/keys/rotate",                    SEC_ADMIN,   SYS_ADMIN,   Target.NONE),
		// open platform (issue 16 items 5 and 7): webhooks and their delivery log for the system admin, the change
		// feed for readers of events or base data; deleting a house (its tombstone in the feed)
		endpoint("GET",    "/api/v1/open/clients/{id}/webhooks",          SEC_ADMIN,   SYS_ADMIN,   Target.API_CLIENT),
		endpoint("POST",   "/api/v1/open/clients/{id}/webhooks",          AUDITOR,     SYS_ADMIN,   Target.API_CLIENT),
		endpoint("PUT",    "/api/v1/open/clients/{id}/webhooks/{webhookId}", CENTER_STAFF, SYS_ADMIN, Target.API_CLIENT),
		endpoint("DELETE", "/api/v1/open/clients/{id}/webhooks/{webhookId}", GRID_WORKER, SYS_ADMIN, Target.API_CLIENT),
		endpoint("GET",    "/api/v1/open/webhook-deliveries",             SEC_ADMIN,   SYS_ADMIN,   Target.NONE),
		endpoint("POST",   "/api/v1/open/webhook-deliveries/{id}/replay", AUDITOR,     SYS_ADMIN,   Target.WEBHOOK_DELIVERY),
		endpoint("GET",    "/api/v1/open/changes",                        SEC_ADMIN,   CENTER_STAFF, Target.NONE),
		endpoint("DELETE", "/api/v1/houses/{id}",                         SYS_ADMIN,   GRID_WORKER, Target.HOUSE),
		// ops backups (issue 15 item 1): the system admin runs backups and drills, the auditor reads them only
		endpoint("GET",    "/api/v1/ops/backups",                         CENTER_STAFF, AUDITOR,    Target.NONE),
		endpoint("GET",    "/api/v1/ops/backups/{id}",                    SEC_ADMIN,   AUDITOR,     Target.BACKUP),
		endpoint("POST",   "/api/v1/ops/backups",                         AUDITOR,     SYS_ADMIN,   Target.NONE),
		endpoint("POST",   "/api/v1/ops/backups/{id}/verify",             AUDITOR,     SYS_ADMIN,   Target.BACKUP),
		endpoint("POST",   "/api/v1/ops/backups/{id}/drill",              AUDITOR,     SYS_ADMIN,   Target.BACKUP),
		endpoint("GET",    "/api/v1/ops/drills/{id}",                     CENTER_STAFF, AUDITOR,    Target.DRILL),
		// ops jobs and the security check (issue 15 items 2 and 6): the system admin runs jobs, the security
		// admin loads advisories, the auditor reads both and gets 403 on every change
		endpoint("GET",    "/api/v1/ops/jobs",                            CENTER_STAFF, AUDITOR,    Target.NONE),
		endpoint("GET",    "/api/v1/ops/jobs/{name}/runs",                SEC_ADMIN,   AUDITOR,     Target.JOB),
		endpoint("POST",   "/api/v1/ops/jobs/{name}/run",                 AUDITOR,     SYS_ADMIN,   Target.JOB),
		endpoint("GET",    "/api/v1/ops/security-reports/latest",         CENTER_STAFF, AUDITOR,    Target.NONE),
		endpoint("POST",   "/api/v1/ops/advisories",                      AUDITOR,     SEC_ADMIN,   Target.NONE),
		// ops log review (issue 15 item 3): the security admin reviews the daily log digests, the auditor
		// reads them and gets 403 on review, the system admin sees none of them (三员分立)
		endpoint("GET",    "/api/v1/ops/log-digests",                     SYS_ADMIN,   AUDITOR,     Target.NONE),
		endpoint("GET",    "/api/v1/ops/log-digests/{date}",              CENTER_STAFF, SEC_ADMIN,  Target.LOG_DIGEST),
		endpoint("POST",   "/api/v1/ops/log-digests/{date}/review",       AUDITOR,     SEC_ADMIN,   Target.LOG_DIGEST));
		// @formatter:on
	}

	/** Rows with a permission to lack. */
	static Stream<Endpoint> restricted() {
		return endpoints().filter(e -> e.wrongRole() != null);
	}

	/** Rows that read (a holder's GET must get through). */
	static Stream<Endpoint> reads() {
		return endpoints().filter(e -> e.method().equals("GET"));
	}

	/** Rows naming an object that can lie outside the caller's scope. */
	static Stream<Endpoint> scoped() {
		return endpoints().filter(e -> e.target() != Target.NONE);
	}

	/** Reachable without signing in; each answers from its own handler. */
	private static final Set<String> PUBLIC = Set.of("POST /api/v1/auth/login", "GET /api/v1/config/public");

	/**
	 * Open311 GeoReport v2 (issue 16 item 6): outside {@code /api}, public reads by the
	 * spec and answers in Open311's error format, so not rows of this table; Open311IT
	 * checks them (no credentials on a write 401, bad api_key or a client without scope
	 * {@code open311} 403, another region's request 404, a non-citizen event 404 for
	 * everyone).
	 */
	private static final Set<String> OPEN311 = Set.of("GET /open311/discovery.{format}",
			"GET /open311/v2/services.{format}", "GET /open311/v2/services/{code}.{format}",
			"GET /open311/v2/requests.{format}", "POST /open311/v2/requests.{format}",
			"GET /open311/v2/requests/{id:[^.]+}.{format}", "GET /open311/v2/tokens/{token:[^.]+}.{format}");

	@Autowired
	IdentityProvisioning identity;

	@Autowired
	EventSetup eventSetup;

	@Autowired
	Notifications notifications;

	@Autowired
	PatrolSetup patrolSetup;

	@Autowired
	WarningSetup warningSetup;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private ApiClient anonymous;

	/** City-wide actors, one per role (for 403 and for the holder's own check). */
	private final Map<String, ApiClient> cityWide = new HashMap<>();

	private final Map<ApiClient, String> usernames = new HashMap<>();

	/** Permission holders scoped to {@link #TOWN}. */
	private final Map<String, ApiClient> townScoped = new HashMap<>();

	/** An object of each kind inside {@link #OTHER_TOWN}. */
	private final Map<Target, String> outOfScope = new EnumMap<>(Target.class);

	/** The same objects, but an existing role: what the city-wide actors can see. */
	private final Map<Target, String> visible = new EnumMap<>(Target.class);

	private String importRole;

	@BeforeAll
	void signInActorsAndPlaceObjectsInTheOtherTown() throws InterruptedException {
		this.anonymous = new ApiClient(this.port);
		for (String role : List.of(SYS_ADMIN, SEC_ADMIN, AUDITOR, GRID_WORKER, CENTER_STAFF)) {
			this.cityWide.put(role, signIn(role, CITY));
			this.townScoped.put(role, signIn(role, TOWN));
		}
		long otherTown = this.accounts.region(OTHER_TOWN).id();
		String otherUsername = this.accounts.create("mx_other_town_user", GRID_WORKER, OTHER_TOWN);
		long otherUser = this.jdbc.queryForObject("select id from app_user where username = ?", Long.class,
				otherUsername);
		long otherDepartment = this.identity.department("MX-OTHER", "矩阵测试部门", otherTown);
		Response device = this.cityWide.get(SYS_ADMIN)
			.post("/api/v1/devices",
					Map.of("deviceCode", "MX-OTHER-PHONE", "name", "矩阵测试终端", "type", "PHONE", "userId", otherUser));
		assertThat(device.status()).as(device.body()).isEqualTo(201);
		Map<String, Object> grid = this.jdbc.queryForMap("select center_lon, center_lat from region where code = ?",
				OTHER_TOWN + "001001");

		this.outOfScope.put(Target.REGION, Long.toString(otherTown));
		this.outOfScope.put(Target.USER, Long.toString(otherUser));
		this.outOfScope.put(Target.DEPARTMENT, Long.toString(otherDepartment));
		this.outOfScope.put(Target.DEVICE, device.json().path("id").asString());
		this.outOfScope.put(Target.ROLE, "987654321");
		ApiClient otherTownWorker = new ApiClient(this.port);
		otherTownWorker.login(otherUsername, Accounts.INITIAL);
		otherTownWorker.changePassword(Accounts.INITIAL, Accounts.PASSWORD);
		Response file = otherTownWorker.upload("/api/v1/files", "photo.png", TestImages.png(64, 48));
		assertThat(file.status()).as(file.body()).isEqualTo(201);
		this.outOfScope.put(Target.FILE, file.json().path("id").asString());
		this.notifications.send(List.of(otherUser),
				new Notice(Notice.EVENT_ASSIGNED, "矩阵测试通知", null, "/events/1", "EVENT", 1L));
		this.outOfScope.put(Target.NOTIFICATION,
				this.jdbc.queryForObject("select max(id) from notification where user_id = ?", Long.class, otherUser)
					.toString());
		this.outOfScope.put(Target.POINT, "lon=" + grid.get("center_lon") + "&lat=" + grid.get("center_lat"));
		Response event = otherTownWorker.post("/api/v1/events",
				Map.of("categoryCode", "QT-01", "description", "矩阵测试事件", "lon", grid.get("center_lon"), "lat",
						grid.get("center_lat"), "address", "矩阵测试地址", "source", "GRID_WORKER"));
		assertThat(event.status()).as(event.body()).isEqualTo(201);
		this.outOfScope.put(Target.EVENT, event.json().path("id").asString());
		this.outOfScope.put(Target.RULE,
				Long.toString(this.eventSetup.routingRule("QT", otherTown,
						RoutingRule.RouteTarget.of(RoutingRule.RouteTarget.Kind.TOWN_CENTRE), Duration.ofHours(4),
						Duration.ofHours(72), false)));
		this.outOfScope.put(Target.TASK, this.jdbc.queryForObject("""
				insert into dispatch_task (title, status, creator_id, assignee_id, scope_path, deadline)
				select '矩阵测试任务', 'ASSIGNED', id, id, scope_path, now() + interval '1 day' from app_user where id = ?
				returning id""", Long.class, otherUser).toString());
		this.outOfScope.put(Target.CATEGORY, "NOPE-99");
		Response patrol = otherTownWorker.post("/api/v1/patrols",
				Map.of("domainCode", "SR", "lon", grid.get("center_lon"), "lat", grid.get("center_lat")));
		assertThat(patrol.status()).as(patrol.body()).isEqualTo(201);
		this.outOfScope.put(Target.PATROL, patrol.json().path("id").asString());
		long otherGrid = this.accounts.region(OTHER_TOWN + "001001").id();
		this.outOfScope.put(Target.GRID, "gridId=" + otherGrid);
		this.outOfScope.put(Target.AREA, "regionId=" + otherTown);
		this.outOfScope.put(Target.PLAN,
				Long.toString(this.patrolSetup.plan(otherGrid, "SR", "DAILY", 1, otherUser, otherUser)));
		Response form = this.cityWide.get(SYS_ADMIN)
			.post("/api/v1/collection/forms", Map.of("code", "MX-FORM", "name", "矩阵测试表单", "fields",
					List.of(Map.of("key", "note", "label", "备注", "type", "TEXT", "required", true))));
		assertThat(form.status()).as(form.body()).isEqualTo(201);
		Response record = otherTownWorker.post("/api/v1/collection/records",
				Map.of("formId", form.json().path("id").asLong(), "lon", grid.get("center_lon"), "lat",
						grid.get("center_lat"), "answers", Map.of("note", "矩阵测试")));
		assertThat(record.status()).as(record.body()).isEqualTo(201);
		long warningRule = this.warningSetup.countRule("矩阵测试预警规则", otherTown, 3, 24, "BLUE");
		this.outOfScope.put(Target.WARNING_RULE, Long.toString(warningRule));
		this.outOfScope.put(Target.ALERT,
				this.jdbc
					.queryForObject(
							"""
									insert into warning_alert (rule_id, level, region_id, region_path, alert_key, status, first_seen, last_seen)
									select ?, 'BLUE', id, path, 'QT-01', 'NEW', now(), now() from region where id = ?
									returning id""",
							Long.class, warningRule, otherGrid)
					.toString());
		this.outOfScope.put(Target.FORM, "987654321");
		this.outOfScope.put(Target.RECORD, record.json().path("id").asString());
		this.outOfScope.put(Target.POINT_RULE, "nope-99");
		Response person = otherTownWorker.post("/api/v1/people", Map.of("idNumber", TestIds.idNumber(), "name", "矩阵测试",
				"householdType", "REGISTERED", "gridId", otherGrid, "currentAddress", "矩阵测试地址"));
		assertThat(person.status()).as(person.body()).isEqualTo(201);
		this.outOfScope.put(Target.PERSON, person.json().path("id").asString());
		this.outOfScope.put(Target.GRID_ID, Long.toString(otherGrid));
		this.outOfScope.put(Target.HOUSE, created(otherTownWorker, "/api/v1/houses",
				Map.of("address", "矩阵测试房屋" + System.nanoTime(), "use", "RESIDENTIAL", "gridId", otherGrid)));
		this.outOfScope.put(Target.PLACE, created(otherTownWorker, "/api/v1/places",
				Map.of("name", "矩阵测试场所", "type", "SHOP", "address", "矩阵测试地址", "gridId", otherGrid)));
		String creditFirst17 = "91320505MX" + String.format("%07d", System.nanoTime() % 10_000_000);
		this.outOfScope.put(Target.ORGANIZATION,
				created(otherTownWorker, "/api/v1/organizations",
						Map.of("name", "矩阵测试公司", "kind", "NON_PUBLIC_ECONOMIC", "creditCode",
								creditFirst17 + CreditCodes.checkCharacter(creditFirst17), "address", "矩阵测试地址",
								"gridId", otherGrid)));
		this.outOfScope.put(Target.THING,
				created(otherTownWorker, "/api/v1/things", Map.of("code", "MX-" + System.nanoTime(), "type", "MANHOLE",
						"name", "矩阵测试井盖", "lon", grid.get("center_lon"), "lat", grid.get("center_lat"))));
		this.outOfScope.put(Target.DISPUTE,
				created(otherTownWorker, "/api/v1/disputes",
						Map.of("title", "矩阵测试纠纷", "type", "NEIGHBOUR", "scale", "SMALL", "parties",
								List.of(Map.of("name", "矩阵甲")), "occurredOn", java.time.LocalDate.now().toString(),
								"gridId", otherGrid)));
		this.outOfScope.put(Target.IMPORT,
				importJob(this.accounts.signedIn(this.port, CENTER_STAFF, OTHER_TOWN), OTHER_TOWN + "001001"));
		// boundaries: a dry-run boundary import by a system admin of the other town
		this.outOfScope.put(Target.REGION_IMPORT,
				regionImportJob(this.accounts.signedIn(this.port, SYS_ADMIN, OTHER_TOWN)));
		// bulk users: an auditor account imported into the other town by another system
		// admin
		this.outOfScope.put(Target.USER_IMPORT, userImportJob(this.accounts.signedIn(this.port, SYS_ADMIN, CITY)));
		// 三员分立: a reset of a system admin of the other town, asked for by another one
		// (written directly: the request needs the holder's phone, sealed by the app)
		String resetHolder = this.accounts.create("mx_reset_holder_" + System.nanoTime() % 1_000_000, SYS_ADMIN,
				OTHER_TOWN);
		String resetAsker = this.accounts.create("mx_reset_asker_" + System.nanoTime() % 1_000_000, SYS_ADMIN,
				OTHER_TOWN);
		this.outOfScope.put(Target.PASSWORD_RESET,
				this.jdbc
					.queryForObject("""
							insert into password_reset_request (target_id, target_role, requested_by)
							values ((select id from app_user where username = ?), 'SYS_ADMIN',
							        (select id from app_user where username = ?)) returning id""", Long.class,
							resetHolder, resetAsker)
					.toString());
		// video: a camera in a grid of the other town
		this.outOfScope.put(Target.CAMERA,
				created(this.cityWide.get(CENTER_STAFF), "/api/v1/video/cameras",
						Map.of("deviceId", "32050500001326999001", "name", "矩阵测试摄像机", "lon", grid.get("center_lon"),
								"lat", grid.get("center_lat"), "streamUrl",
								"https://video.example.gov.cn/live/matrix.m3u8")));
		// notice: published by the other town's centre to the other town
		this.outOfScope.put(Target.NOTICE,
				created(this.accounts.signedIn(this.port, CENTER_STAFF, OTHER_TOWN), "/api/v1/notices",
						Map.of("title", "矩阵测试通知", "body", "<p>矩阵测试</p>", "regionIds", List.of(otherTown), "roleCodes",
								List.of(), "fileIds", List.of(), "publish", true)));
		// academy: a published course with a quiz, made by the other town's centre
		Response course = this.accounts.signedIn(this.port, CENTER_STAFF, OTHER_TOWN)
			.post("/api/v1/academy/courses", Map.of("title", "矩阵测试课程", "kind", "TEXT", "body", "矩阵测试正文", "published",
					true, "quiz",
					Map.of("passScore", 60, "questions", List.of(Map.of("kind", "TRUE_FALSE", "text", "矩阵测试题",
							"options",
							List.of(Map.of("text", "对", "correct", true), Map.of("text", "错", "correct", false)))))));
		assertThat(course.status()).as(course.body()).isEqualTo(201);
		this.outOfScope.put(Target.COURSE, course.json().path("id").asString());
		this.outOfScope.put(Target.QUIZ, course.json().path("quiz").path("id").asString());
		// supervision: an item on the other town's event, supervised by the city-wide
		// centre
		Response supervision = this.cityWide.get(CENTER_STAFF)
			.post("/api/v1/supervision/items",
					Map.of("eventId", event.json().path("id").asLong(), "comment", "矩阵测试督办"));
		assertThat(supervision.status()).as(supervision.body()).isEqualTo(201);
		this.outOfScope.put(Target.SUPERVISION_ITEM, supervision.json().path("item").path("id").asString());
		// party building: an organisation placed in a grid of the other town, a member
		// there, an activity held there
		String partyOrganization = created(this.cityWide.get(SYS_ADMIN), "/api/v1/party/organizations",
				Map.of("name", "矩阵测试党委", "type", "COMMITTEE", "regionId", otherTown, "gridIds", List.of(otherGrid)));
		this.outOfScope.put(Target.PARTY_ORGANIZATION, partyOrganization);
		this.outOfScope.put(Target.PARTY_MEMBER,
				created(this.cityWide.get(SYS_ADMIN), "/api/v1/party/members",
						Map.of("name", "矩阵党员", "idNumber", TestIds.idNumber(), "organizationId",
								Long.parseLong(partyOrganization), "status", "FULL", "gridId", otherGrid)));
		this.outOfScope.put(Target.PARTY_ACTIVITY,
				created(otherTownWorker, "/api/v1/party/activities",
						Map.of("organizationId", Long.parseLong(partyOrganization), "type", "VOLUNTEER", "title",
								"矩阵测试活动", "heldAt", java.time.OffsetDateTime.now().minusHours(1).toString(), "lon",
								grid.get("center_lon"), "lat", grid.get("center_lat"))));
		// special (水电煤气): a water meter on the other town's house
		this.outOfScope.put(Target.METER,
				created(this.cityWide.get(CENTER_STAFF), "/api/v1/special/meters",
						Map.of("kind", "WATER", "meterNumber", "MX" + System.nanoTime(), "houseId",
								Long.valueOf(this.outOfScope.get(Target.HOUSE)))));
		// special-social: an opinion item naming a grid of the other town, fed by a
		// city-wide centre
		String opinionUrl = "https://weibo.example.cn/matrix/" + java.util.UUID.randomUUID();
		Response opinion = this.cityWide.get(CENTER_STAFF)
			.post("/api/v1/special/opinions",
					Map.of("items", List.of(Map.of("source", "微博", "url", opinionUrl, "title", "枫津社区第1网格矩阵测试舆情",
							"publishedAt", java.time.Instant.now().minusSeconds(60).toString(), "sentiment", -0.5))));
		assertThat(opinion.status()).as(opinion.body()).isEqualTo(200);
		this.outOfScope.put(Target.OPINION,
				this.jdbc.queryForObject("select id from opinion_item where url = ?", Long.class, opinionUrl)
					.toString());
		// open platform: an API client whose region is the other town
		this.outOfScope.put(Target.API_CLIENT,
				created(this.cityWide.get(SYS_ADMIN), "/api/v1/open/clients",
						Map.of("name", "矩阵测试接入应用", "unit", "矩阵测试单位", "scopes", List.of("events:read"), "regionId",
								otherTown, "rateLimitPerMinute", 60, "allowedIps", List.of())));
		// open platform: a webhook of that client and one (dead) delivery to it
		String webhook = created(this.cityWide.get(SYS_ADMIN),
				"/api/v1/open/clients/" + this.outOfScope.get(Target.API_CLIENT) + "/webhooks",
				Map.of("url", "https://hooks.example.invalid/matrix", "eventTypes", List.of("event.reported"),
						"enabled", false));
		this.outOfScope.put(Target.WEBHOOK_DELIVERY, this.jdbc.queryForObject("""
				insert into open_webhook_delivery (webhook_id, event_type, region_path, resource, occurred_at, status,
				    retry_since, created_at)
				select w.id, 'event.reported', c.region_path, '{}', now(), 'DEAD', now(), now()
				from open_webhook w join open_api_client c on c.id = w.client_id where w.id = ?
				returning id""", Long.class, Long.valueOf(webhook)).toString());
		// hotline: a 12345 order in a grid of the other town, a pending extension on it,
		// and
		// department handlers (the only role that asks for extensions)
		this.cityWide.put(HOTLINE_HANDLER, signIn(HOTLINE_HANDLER, CITY));
		this.townScoped.put(HOTLINE_HANDLER, signIn(HOTLINE_HANDLER, TOWN));
		String hotlineOrder = created(this.cityWide.get(CENTER_STAFF), "/api/v1/hotline/orders",
				Map.of("orderNumber", "MX-" + System.nanoTime(), "appealType", "HELP", "title", "矩阵测试工单", "content",
						"矩阵测试诉求", "address", "矩阵测试地址", "lon", grid.get("center_lon"), "lat", grid.get("center_lat")));
		this.outOfScope.put(Target.HOTLINE_ORDER, hotlineOrder);
		this.outOfScope.put(Target.HOTLINE_EXTENSION,
				this.jdbc
					.queryForObject(
							"""
									insert into hotline_extension (order_id, days, reason, status, requested_by, requested_by_name,
									    requested_at, deadline_before)
									select id, 2, '矩阵测试延期', 'PENDING', created_by, 'mx', now(), deadline_date from hotline_order where id = ?
									returning id""",
							Long.class, Long.parseLong(hotlineOrder))
					.toString());
		// iot: a device in a grid of the other town
		this.outOfScope.put(Target.IOT_DEVICE,
				created(this.cityWide.get(CENTER_STAFF), "/api/v1/iot/devices",
						Map.of("code", "MX-IOT-" + System.nanoTime(), "kind", "SMOKE_DETECTOR", "name", "矩阵测试烟感", "lon",
								grid.get("center_lon"), "lat", grid.get("center_lat"))));
		// ops backups: global objects, an unknown id is out of reach; rows to read for
		// the visible ones
		this.outOfScope.put(Target.BACKUP, "987654321");
		this.outOfScope.put(Target.DRILL, "987654321");
		Long backup = this.jdbc.queryForObject("""
				insert into ops_backup (type, status, started_at, finished_at) values ('FULL', 'FAILED', now(), now())
				returning id""", Long.class);
		// ops jobs: global, a name that is no job is out of reach
		this.outOfScope.put(Target.JOB, "mx-no-such-job");
		// ops log review: global, a day without a digest is out of reach; a digest of a
		// day long past to read
		this.outOfScope.put(Target.LOG_DIGEST, "1999-01-02");
		this.jdbc.update(
				"""
						insert into ops_log_digest (digest_date, built_at, content) values ('2000-01-02', now(), cast(? as jsonb))
						on conflict (digest_date) do nothing""",
				"""
						{"totals": {"auditRows": 0, "logLines": 0, "logErrors": 0, "logRead": false, "failedSignIns": 0,
						 "lockouts": 0, "denials": 0, "exports": 0, "unusualHours": "00:00–06:00"}, "errors": [],
						 "failedSignInsByAccount": [], "failedSignInsByAddress": [], "denialBursts": [], "unusualHours": [],
						 "exports": []}""");
		this.visible.putAll(this.outOfScope);
		this.visible.put(Target.LOG_DIGEST, "2000-01-02");
		this.visible.put(Target.JOB, "ops-job-history-retention");
		this.visible.put(Target.BACKUP, backup.toString());
		this.visible.put(Target.DRILL, this.jdbc.queryForObject("""
				insert into ops_drill (backup_id, status, started_at, finished_at) values (?, 'FAILED', now(), now())
				returning id""", Long.class, backup).toString());
		this.visible.put(Target.CATEGORY, "QT-01");
		this.visible.put(Target.POINT_RULE, "report");
		this.visible.put(Target.FORM, form.json().path("id").asString());
		this.visible.put(Target.IMPORT, importJob(this.cityWide.get(CENTER_STAFF), OTHER_TOWN + "001001"));
		this.visible.put(Target.USER_IMPORT, userImportJob(this.cityWide.get(SYS_ADMIN)));
		this.visible.put(Target.ROLE,
				this.jdbc.queryForObject("select id from role where code = 'GRID_WORKER'", Long.class).toString());
	}

	/** A one-row people import by {@code client} into a grid; its job id. */
	private String importJob(ApiClient client, String gridCode) {
		String csv = "身份证号,姓名,户籍类型,现住址,所属网格编码\r\n" + TestIds.idNumber() + ",矩阵导入,户籍人口,矩阵测试地址," + gridCode + "\r\n";
		Response job = client.upload("/api/v1/imports?kind=people", "people.csv",
				csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(job.status()).as(job.body()).isEqualTo(202);
		return job.json().path("id").asString();
	}

	/**
	 * A dry run of one grid under the other town's first community; returns the job id.
	 */
	private static String regionImportJob(ApiClient otherTownAdmin) {
		String geoJson = """
				{"type": "FeatureCollection", "features": [{"type": "Feature",
				 "properties": {"code": "%s001099", "name": "矩阵导入网格", "parentCode": "%s001"},
				 "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [0.001, 0], [0.001, 0.001], [0, 0]]]}}]}"""
			.formatted(OTHER_TOWN, OTHER_TOWN);
		Response job = otherTownAdmin.upload("/api/v1/regions/imports?dryRun=true", "matrix.geojson",
				geoJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(job.status()).as(job.body()).isEqualTo(202);
		return job.json().path("id").asString();
	}

	/**
	 * A one-row users import by {@code client} (an account of a custom read-only role in
	 * the other town, which no count of workers or recipients sees; separated admins
	 * cannot be imported), finished; its job id.
	 */
	private String userImportJob(ApiClient client) throws InterruptedException {
		if (this.importRole == null) {
			this.importRole = "MX_IMPORTED_" + System.nanoTime() % 1_000_000;
			Response role = this.cityWide.get(SEC_ADMIN)
				.post("/api/v1/roles",
						Map.of("code", this.importRole, "name", "矩阵导入角色", "permissions", List.of("region:area:read")));
			assertThat(role.status()).as(role.body()).isEqualTo(201);
		}
		String csv = "用户名,姓名,管辖区域编码,角色\r\nmx_imported_" + System.nanoTime() + ",矩阵导入用户," + OTHER_TOWN + ","
				+ this.importRole + "\r\n";
		Response job = client.upload("/api/v1/imports?kind=users", "users.csv",
				csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(job.status()).as(job.body()).isEqualTo(202);
		String id = job.json().path("id").asString();
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		Response done;
		do {
			Thread.sleep(200);
			done = client.get("/api/v1/imports/" + id);
		}
		while (!"DONE".equals(done.json().path("status").asString()) && System.nanoTime() < deadline);
		assertThat(done.json().path("created").asInt()).as(done.body()).isEqualTo(1);
		return id;
	}

	@Test
	void theTableListsEveryApiEndpoint() {
		Set<String> listed = endpoints().map(Endpoint::toString).collect(Collectors.toSet());
		listed.addAll(PUBLIC);
		Set<String> served = new TreeSet<>();
		this.mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(pattern -> {
			if (pattern.startsWith("/api/")) {
				info.getMethodsCondition().getMethods().forEach(method -> served.add(method + " " + pattern));
			}
		}));
		assertThat(served).isNotEmpty();
		assertThat(listed).containsAll(served);
	}

	@Test
	void everyOpen311EndpointIsListedAsCheckedByOpen311IT() {
		Set<String> served = new TreeSet<>();
		this.mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(pattern -> {
			if (pattern.startsWith("/open311/")) {
				info.getMethodsCondition().getMethods().forEach(method -> served.add(method + " " + pattern));
			}
		}));
		assertThat(served).isEqualTo(OPEN311);
	}

	@Test
	void publicEndpointsAnswerAnonymously() {
		Response config = this.anonymous.get("/api/v1/config/public");
		assertThat(config.status()).isEqualTo(200);
		assertThat(config.json().path("appName").asString()).isNotBlank();
		Response health = this.anonymous.get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().path("status").asString()).isEqualTo("UP");
		// the login handler itself answers (bad credentials), not the entry point
		Response login = this.anonymous.login("mx-nobody", "Wrong#Pass2026");
		assertThat(login.status()).isEqualTo(401);
		assertThat(login.problemType()).isEqualTo("https://govgrid.org/problems/bad-credentials");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("endpoints")
	void anonymousIsUnauthenticated(Endpoint endpoint) {
		Response response = call(this.anonymous, endpoint, inScopePath(endpoint));
		assertThat(response.status()).as(response.body()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.problemType()).isEqualTo("https://govgrid.org/problems/unauthenticated");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("restricted")
	void roleWithoutThePermissionIsForbiddenAndAudited(Endpoint endpoint) {
		ApiClient actor = this.cityWide.get(endpoint.wrongRole());
		String username = this.usernames.get(actor);
		String objectId = endpoint.method() + " " + inScopePath(endpoint).replaceFirst("\\?.*", "");
		int deniedBefore = deniedRows(username, objectId);

		Response response = call(actor, endpoint, inScopePath(endpoint));

		assertThat(response.status()).as(response.body()).isEqualTo(403);
		assertThat(response.problemType()).isEqualTo("https://govgrid.org/problems/forbidden");
		assertThat(deniedRows(username, objectId)).as("ACCESS_DENIED rows for " + objectId).isEqualTo(deniedBefore + 1);
	}

	/** Writes by holders are covered by the module tests. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("reads")
	void holderOfThePermissionGetsPastAuthorization(Endpoint endpoint) {
		Response response = call(this.cityWide.get(endpoint.holder()), endpoint, inScopePath(endpoint));
		// 302: the Swagger UI page redirects to its index
		assertThat(response.status()).as(response.body()).isIn(200, 302);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scoped")
	void objectOutsideTheScopeIsNotFound(Endpoint endpoint) {
		Response response = call(this.townScoped.get(endpoint.holder()), endpoint,
				withObject(endpoint, this.outOfScope.get(endpoint.target())));
		assertThat(response.status()).as(response.body()).isEqualTo(404);
		assertThat(response.problemType()).isEqualTo("https://govgrid.org/problems/not-found");
	}

	private static String created(ApiClient client, String path, Map<String, Object> body) {
		Response response = client.post(path, body);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("id").asString();
	}

	private ApiClient signIn(String role, String regionCode) {
		ApiClient client = this.accounts.signedIn(this.port, role, regionCode);
		this.usernames.put(client, client.get("/api/v1/auth/me").json().path("username").asString());
		return client;
	}

	/** The path with an object the city-wide actors can see. */
	private String inScopePath(Endpoint endpoint) {
		return endpoint.target() == Target.NONE ? withObject(endpoint, "")
				: withObject(endpoint, this.visible.get(endpoint.target()));
	}

	private static String withObject(Endpoint endpoint, String object) {
		String path = endpoint.path().replace("{type}", endpoint.path().contains("/layers/") ? "people" : "SEX");
		if (endpoint.target() == Target.POINT || endpoint.target() == Target.GRID || endpoint.target() == Target.AREA) {
			return path + "?" + object;
		}
		if (path.equals("/api/v1/search")) {
			// the one required parameter, so that a holder gets past validation
			return path + "?q=mx";
		}
		String action = endpoint.path().contains("/tasks/") ? "start" : "sign";
		return path.replace("{id}", object)
			.replace("{userId}", object)
			.replace("{name}", object)
			.replace("{personId}", "987654321")
			.replace("{webhookId}", "987654322")
			.replace("{code}", object)
			.replace("{item}", "MX_NO_ITEM")
			.replace("{kind}", "people")
			.replace("{action}", action)
			.replace("{version}", "1")
			.replace("{date}", (endpoint.target() == Target.LOG_DIGEST) ? object : "2026-10-01");
	}

	/**
	 * Writes carry an empty object: authorization must come before validation. An event
	 * stream is opened and closed again once its status is known.
	 */
	private static Response call(ApiClient client, Endpoint endpoint, String path) {
		if (endpoint.method().equals("GET") && endpoint.path().endsWith("/stream")) {
			try (ApiClient.EventStream stream = client.stream(path)) {
				return stream.response();
			}
		}
		return switch (endpoint.method()) {
			case "GET" -> client.get(path);
			case "POST" -> client.post(path, Map.of());
			case "PUT" -> client.put(path, Map.of());
			case "DELETE" -> client.delete(path);
			default -> throw new IllegalArgumentException(endpoint.method());
		};
	}

	private int deniedRows(String username, String objectId) {
		Integer count = this.jdbc.queryForObject("""
				select count(*) from audit_log
				where action = 'ACCESS_DENIED' and outcome = 'DENIED' and username = ? and object_id = ?""",
				Integer.class, username, objectId);
		return count == null ? 0 : count;
	}

}
