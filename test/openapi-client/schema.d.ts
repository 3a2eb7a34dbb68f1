// Generated from /docs-json by openapi-typescript (test/e2e/openapi-client.e2e-spec.ts); OPENAPI_WRITE_TYPES=1 rewrites it.
export interface paths {
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the operator metrics */
        get: operations["MetricsController_read"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the signed-in user */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change your own password
         * @description The current password is required (5 wrong ones in 15 minutes and the account is refused with 429 for the rest of them). The new one follows the rules for every password and differs from the current one. The change ends every session, token and calendar feed the user holds, this token included: carry on with the token in the answer. It also sets your own password in place of a one-time password an admin issued, which every other route refuses with 403 PASSWORD_CHANGE_REQUIRED until it is replaced.
         */
        post: operations["AuthController_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List agencies */
        get: operations["AgenciesController_list"];
        put?: never;
        /** Add an agency */
        post: operations["AgenciesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agencies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an agency */
        patch: operations["AgenciesController_update"];
        trace?: never;
    };
    "/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List teams */
        get: operations["TeamsController_list"];
        put?: never;
        /** Add a team */
        post: operations["TeamsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/teams/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a team */
        patch: operations["TeamsController_update"];
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users */
        get: operations["UsersController_list"];
        put?: never;
        /** Add a user */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user */
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/powers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the powers of each kind of agency */
        get: operations["PowersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/powers/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace the powers of a kind of agency */
        put: operations["PowersController_replace"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/policy/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the lead agency rules */
        get: operations["PolicyController_list"];
        /** Replace the lead agency rules */
        put: operations["PolicyController_replace"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the plans you may see */
        get: operations["OperationsController_list"];
        put?: never;
        /** Create a draft plan */
        post: operations["OperationsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a plan */
        get: operations["OperationsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a plan */
        patch: operations["OperationsController_update"];
        trace?: never;
    };
    "/operations/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a plan’s history */
        get: operations["OperationsController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/lead-agency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the lead agency */
        put: operations["LeadAgencyController_setLead"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/eligible-agencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List agencies that may lead or support */
        get: operations["LeadAgencyController_eligible"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/rv-points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an RV point */
        post: operations["RvPointsController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/rv-points/{rid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an RV point */
        delete: operations["RvPointsController_remove"];
        options?: never;
        head?: never;
        /** Change an RV point */
        patch: operations["RvPointsController_change"];
        trace?: never;
    };
    "/operations/{id}/sharing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Share sections with a partner */
        put: operations["SharingController_share"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/deployments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for a supporting team */
        post: operations["DeploymentsController_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/deployments/{did}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one deployment */
        get: operations["DeploymentsController_record"];
        put?: never;
        post?: never;
        /** Release a team */
        delete: operations["DeploymentsController_release"];
        options?: never;
        head?: never;
        /** Change a team’s orders */
        patch: operations["DeploymentsController_changeOrder"];
        trace?: never;
    };
    "/operations/{id}/deployments/{did}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a deployment */
        post: operations["DeploymentsController_confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/deployments/{did}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline a deployment */
        post: operations["DeploymentsController_decline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/cps-involvement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Request early CPS involvement */
        post: operations["CpsController_request"];
        /** Withdraw the CPS request */
        delete: operations["CpsController_withdraw"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/cps-involvement/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept the CPS request */
        post: operations["CpsController_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/cps-involvement/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline the CPS request */
        post: operations["CpsController_decline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/cps-involvement/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close evidence gathering */
        post: operations["CpsController_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/evidence-requirements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the evidence matrix */
        get: operations["EvidenceController_matrix"];
        put?: never;
        /** Add an evidence requirement */
        post: operations["EvidenceController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/evidence-requirements/{rid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an evidence requirement */
        patch: operations["EvidenceController_update"];
        trace?: never;
    };
    "/operations/{id}/evidence-requirements/{rid}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign a requirement to a team */
        post: operations["EvidenceController_assign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/evidence-requirements/{rid}/gathered": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report evidence gathered */
        post: operations["EvidenceController_gathered"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/evidence-requirements/{rid}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept gathered evidence */
        post: operations["EvidenceController_acceptEvidence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/evidence-requirements/{rid}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject gathered evidence */
        post: operations["EvidenceController_rejectEvidence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/subjects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a plan’s subjects of interest */
        get: operations["SubjectsController_list"];
        put?: never;
        /** Add a subject of interest */
        post: operations["SubjectsController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/subjects/{sid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a subject of interest */
        delete: operations["SubjectsController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the day’s log */
        get: operations["DayLogController_list"];
        put?: never;
        /** Record an entry in the day’s log */
        post: operations["DayLogController_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/log/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sum up the day’s log */
        get: operations["DayLogController_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/log/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Follow the day’s log as it is written */
        get: operations["DayLogController_follow"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/readiness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Check a plan’s readiness */
        get: operations["WorkflowController_readiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/conflicts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List deconfliction hits */
        get: operations["WorkflowController_conflicts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/conflicts/{hitId}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge a deconfliction hit */
        post: operations["WorkflowController_acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a plan for review */
        post: operations["WorkflowController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a submitted plan */
        post: operations["WorkflowController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve or send back a plan */
        post: operations["WorkflowController_decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start the day of action */
        post: operations["WorkflowController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete the day of action */
        post: operations["WorkflowController_complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a plan */
        post: operations["WorkflowController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/stand-down": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stand down the day of action */
        post: operations["WorkflowController_standDown"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/briefing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the briefing pack */
        get: operations["WorkflowController_briefing"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/briefing.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download the briefing pack as PDF */
        get: operations["WorkflowController_briefingPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/briefing.docx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download the briefing pack as a Word document */
        get: operations["WorkflowController_briefingDocx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/cards.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download the premises cards as PDF */
        get: operations["WorkflowController_cardsPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operations/{id}/sign-off": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign off or decline your agency’s part */
        post: operations["SignOffController_signOff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your tasks */
        get: operations["TasksController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/addition-limit-reports/{reportId}/looked-into": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a limit report looked into */
        post: operations["TasksController_lookedInto"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calendar/feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Say whether you have a calendar feed */
        get: operations["CalendarController_state"];
        put?: never;
        /** Make a new calendar feed address */
        post: operations["CalendarController_create"];
        /** Turn off your calendar feed */
        delete: operations["CalendarController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calendar/{token}.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a calendar feed
         * @description A 404 for no such feed: unknown, replaced or turned off, or its user has since been disabled, changed their password, been given a new one, or had their roles or agency changed
         */
        get: operations["CalendarController_feed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the dashboard
         * @description How days of action go over a period: plans per month, CPS lead time, readiness of the next 30 days, partner response times, outcomes
         */
        get: operations["DashboardController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/reference": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List changes to reference data */
        get: operations["AuditController_reference"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Check the audit hash chains */
        get: operations["AuditController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check the service and its database
         * @description A 503 when the database is down
         */
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Check the process answers */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check this instance may take traffic
         * @description A 503 when the database is down or a migration is pending
         */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description Stable and machine-readable: branch on this, never on the message
         * @enum {string}
         */
        ErrorCode: "VALIDATION_FAILED" | "UNAUTHENTICATED" | "FORBIDDEN" | "SELF_APPROVAL" | "NOT_FOUND" | "CONFLICT" | "VERSION_CONFLICT" | "INVALID_TRANSITION" | "TEAM_DOUBLE_BOOKED" | "LEAD_NOT_PERMITTED" | "SUPPORT_NOT_PERMITTED" | "CAPACITY_EXCEEDED" | "TEAM_NOT_DEPLOYED" | "POWER_NOT_HELD" | "SHARING_NOT_PERMITTED" | "PASSWORD_CHANGE_REQUIRED" | "NOT_READY" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE";
        /** @description Every error the API answers has this shape */
        ErrorBody: {
            /**
             * @description The HTTP status, repeated
             * @example 422
             */
            statusCode: number;
            /** @description Stable and machine-readable: branch on this, never on the message */
            code: components["schemas"]["ErrorCode"];
            /** @description Plain English for a person; it may change */
            message: string;
            /** @description What the code is about, for a program: each field and problem, the versions, the rule */
            details?: {
                [key: string]: unknown;
            };
        };
        LoginDto: {
            /** @example coordinator.mps@demo.local */
            email: string;
            password: string;
        };
        AgencyView: {
            /** Format: uuid */
            id: string;
            code: string;
            name: string;
            /** @enum {string} */
            kind: "POLICE" | "NCA" | "GLAA" | "BORDER_FORCE" | "IMMIGRATION_ENFORCEMENT" | "HMRC" | "DWP" | "CPS" | "LOCAL_AUTHORITY" | "VICTIM_SUPPORT";
        };
        UserView: {
            /** Format: uuid */
            id: string;
            email: string;
            name: string;
            roles: ("COORDINATOR" | "CPS_LIAISON" | "MANAGER" | "ADMIN")[];
            active: boolean;
            /** @description The user still has the one-time password an admin issued: until they set their own, only POST /auth/password and GET /auth/me answer them */
            passwordChangeRequired: boolean;
            agency: components["schemas"]["AgencyView"];
        };
        LoginResult: {
            /** @description Send as "Authorization: Bearer <accessToken>" */
            accessToken: string;
            /** @example Bearer */
            tokenType: string;
            /** @description Seconds until the token expires */
            expiresIn: number;
            user: components["schemas"]["UserView"];
        };
        ChangePasswordDto: {
            /** @description The password the caller signs in with now (also a one-time password an admin issued) */
            currentPassword: string;
            /** @description At least 12 characters, not a common password, not containing the email address, and not the current password (three unrelated words make a good one) */
            newPassword: string;
        };
        CreateAgencyDto: {
            /**
             * @description Short unique code: letters, digits, underscore; stored in upper case
             * @example MPS
             */
            code: string;
            /** @example Metropolitan Police Service */
            name: string;
            /** @enum {string} */
            kind: "POLICE" | "NCA" | "GLAA" | "BORDER_FORCE" | "IMMIGRATION_ENFORCEMENT" | "HMRC" | "DWP" | "CPS" | "LOCAL_AUTHORITY" | "VICTIM_SUPPORT";
        };
        UpdateAgencyDto: {
            /** @example MPS */
            code?: string;
            name?: string;
            /** @enum {string} */
            kind?: "POLICE" | "NCA" | "GLAA" | "BORDER_FORCE" | "IMMIGRATION_ENFORCEMENT" | "HMRC" | "DWP" | "CPS" | "LOCAL_AUTHORITY" | "VICTIM_SUPPORT";
        };
        TeamView: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            agencyId: string;
            agencyCode: string;
            name: string;
            capabilities: ("ENTRY" | "SEARCH" | "ARREST" | "SAFEGUARDING" | "INTERPRETING" | "FINANCIAL_INVESTIGATION" | "DIGITAL_FORENSICS" | "IMMIGRATION_CHECKS" | "LABOUR_INSPECTION" | "TAX_COMPLIANCE" | "BENEFITS_INVESTIGATION" | "INTELLIGENCE" | "VICTIM_RECEPTION")[];
            capacity: number;
        };
        CreateTeamDto: {
            /** Format: uuid */
            agencyId: string;
            /** @example Territorial Support Group 3 */
            name: string;
            capabilities: ("ENTRY" | "SEARCH" | "ARREST" | "SAFEGUARDING" | "INTERPRETING" | "FINANCIAL_INVESTIGATION" | "DIGITAL_FORENSICS" | "IMMIGRATION_CHECKS" | "LABOUR_INSPECTION" | "TAX_COMPLIANCE" | "BENEFITS_INVESTIGATION" | "INTELLIGENCE" | "VICTIM_RECEPTION")[];
            /** @description Number of officers */
            capacity: number;
        };
        UpdateTeamDto: {
            name?: string;
            capabilities?: ("ENTRY" | "SEARCH" | "ARREST" | "SAFEGUARDING" | "INTERPRETING" | "FINANCIAL_INVESTIGATION" | "DIGITAL_FORENSICS" | "IMMIGRATION_CHECKS" | "LABOUR_INSPECTION" | "TAX_COMPLIANCE" | "BENEFITS_INVESTIGATION" | "INTELLIGENCE" | "VICTIM_RECEPTION")[];
            capacity?: number;
        };
        CreateUserDto: {
            /** @example jo.bloggs@met.police.uk */
            email: string;
            name: string;
            /** Format: uuid */
            agencyId: string;
            roles: ("COORDINATOR" | "CPS_LIAISON" | "MANAGER" | "ADMIN")[];
            /** @description A one-time password: the user signs in with it once and must then set their own (POST /auth/password) before anything else works (403 PASSWORD_CHANGE_REQUIRED); unused, it stops signing in 72 hours after it was set. Issuing it is audited, never the password. */
            password: string;
        };
        UpdateUserDto: {
            name?: string;
            /** Format: uuid */
            agencyId?: string;
            roles?: ("COORDINATOR" | "CPS_LIAISON" | "MANAGER" | "ADMIN")[];
            /** @description A one-time password: the user signs in with it once and must then set their own (POST /auth/password) before anything else works (403 PASSWORD_CHANGE_REQUIRED); unused, it stops signing in 72 hours after it was set. Issuing it is audited, never the password. Setting one ends the user's sessions, tokens and calendar feed. */
            password?: string;
            /** @description false disables the account: its tokens stop working at once */
            active?: boolean;
        };
        AgencyKindPowersView: {
            /** @enum {string} */
            kind: "POLICE" | "NCA" | "GLAA" | "BORDER_FORCE" | "IMMIGRATION_ENFORCEMENT" | "HMRC" | "DWP" | "CPS" | "LOCAL_AUTHORITY" | "VICTIM_SUPPORT";
            /** @description The powers officers of this kind of agency hold, in the vocabulary’s order */
            powers: ("ENTRY" | "SEARCH" | "ARREST" | "IMMIGRATION_CHECKS" | "LABOUR_INSPECTION" | "TAX_COMPLIANCE" | "BENEFITS_INVESTIGATION")[];
            /** @description Why this kind holds what it does, where a rule decides it */
            description?: string;
        };
        PutPowersDto: {
            /** @description Every power agencies of this kind hold: powers left out are no longer held. Empty for none. */
            powers: ("ENTRY" | "SEARCH" | "ARREST" | "IMMIGRATION_CHECKS" | "LABOUR_INSPECTION" | "TAX_COMPLIANCE" | "BENEFITS_INVESTIGATION")[];
            /** @example Border Force officers at inland operations now carry out immigration checks only */
            reason: string;
        };
        PolicyRuleView: {
            /** @enum {string} */
            agencyKind: "POLICE" | "NCA" | "GLAA" | "BORDER_FORCE" | "IMMIGRATION_ENFORCEMENT" | "HMRC" | "DWP" | "CPS" | "LOCAL_AUTHORITY" | "VICTIM_SUPPORT";
            /** @enum {string} */
            role: "LEAD" | "SUPPORT";
            /** @description false forbids the role outright */
            permitted: boolean;
            /** @description null: any scope */
            allowedScopes: ("LOCAL" | "REGIONAL" | "NATIONAL" | "INTERNATIONAL")[] | null;
            /** @description every one of the operation's exploitation types must be in this list; null: no restriction */
            exploitationTypesWithin: ("LABOUR" | "SEXUAL" | "CRIMINAL" | "DOMESTIC_SERVITUDE" | "ORGAN_REMOVAL")[] | null;
            /** @description at least one of the operation's exploitation types must be in this list; null: no restriction */
            exploitationTypesAnyOf: ("LABOUR" | "SEXUAL" | "CRIMINAL" | "DOMESTIC_SERVITUDE" | "ORGAN_REMOVAL")[] | null;
            /** @description The rule in words, as refusals quote it */
            description: string;
        };
        PolicyRuleDto: {
            /** @enum {string} */
            agencyKind: "POLICE" | "NCA" | "GLAA" | "BORDER_FORCE" | "IMMIGRATION_ENFORCEMENT" | "HMRC" | "DWP" | "CPS" | "LOCAL_AUTHORITY" | "VICTIM_SUPPORT";
            /** @enum {string} */
            role: "LEAD" | "SUPPORT";
            /** @description false forbids the role outright */
            permitted: boolean;
            /** @description null: any scope */
            allowedScopes: ("LOCAL" | "REGIONAL" | "NATIONAL" | "INTERNATIONAL")[] | null;
            /** @description every one of the operation's exploitation types must be in this list; null: no restriction */
            exploitationTypesWithin: ("LABOUR" | "SEXUAL" | "CRIMINAL" | "DOMESTIC_SERVITUDE" | "ORGAN_REMOVAL")[] | null;
            /** @description at least one of the operation's exploitation types must be in this list; null: no restriction */
            exploitationTypesAnyOf: ("LABOUR" | "SEXUAL" | "CRIMINAL" | "DOMESTIC_SERVITUDE" | "ORGAN_REMOVAL")[] | null;
        };
        PutPolicyRulesDto: {
            /** @description The whole policy: rules not listed are removed, and what they allowed is then forbidden */
            rules: components["schemas"]["PolicyRuleDto"][];
            /**
             * @description Why the policy changes: kept in the reference data’s history
             * @example HMRC now leads days of action on payroll fraud in labour exploitation
             */
            reason: string;
        };
        MarkingDto: {
            /**
             * @description Nothing above OFFICIAL-SENSITIVE may be held in this system
             * @default OFFICIAL-SENSITIVE
             * @enum {string}
             */
            classification: "OFFICIAL" | "OFFICIAL-SENSITIVE";
            /** @example Not to be shared outside the agencies on this plan */
            handlingInstruction?: string | null;
        };
        TimingsDto: {
            /**
             * @description Inside the plan’s window; null clears it
             * @example 2027-03-01T04:00:00Z
             */
            briefingAt?: string | null;
            /** @example Lloyd House, Colmore Circus, Birmingham */
            briefingPlace?: string | null;
            /**
             * @description Inside the plan’s window, after the briefing
             * @example 2027-03-01T15:00:00Z
             */
            debriefAt?: string | null;
        };
        GoldCommanderDto: {
            /** @example Ann Clarke */
            name: string;
            /** @example Chief Superintendent */
            rankOrGrade: string;
            /** @example West Midlands Police */
            agency: string;
            /**
             * @description A 24-hour contact number, UK or international; stored and shown in E.164
             * @example 0121 626 5000
             */
            phone: string;
        };
        SilverCommanderDto: {
            /** @example Ann Clarke */
            name: string;
            /** @example Chief Superintendent */
            rankOrGrade: string;
            /** @example West Midlands Police */
            agency: string;
            /**
             * @description A 24-hour contact number, UK or international; stored and shown in E.164
             * @example 0121 626 5000
             */
            phone: string;
        };
        SioDto: {
            /** @example Ann Clarke */
            name: string;
            /** @example Chief Superintendent */
            rankOrGrade: string;
            /** @example West Midlands Police */
            agency: string;
            /**
             * @description A 24-hour contact number, UK or international; stored and shown in E.164
             * @example 0121 626 5000
             */
            phone: string;
        };
        CommandDto: {
            /** @description Gold (strategic); null clears it */
            gold?: components["schemas"]["GoldCommanderDto"] | null;
            /** @description Silver (tactical); null clears it */
            silver?: components["schemas"]["SilverCommanderDto"] | null;
            /** @description The senior investigating officer; null clears it */
            sio?: components["schemas"]["SioDto"] | null;
        };
        CommunicationsDto: {
            /** @example Airwave talkgroup WM-OPS-3 */
            radioChannel?: string | null;
            /** @example 0121 626 5000 */
            controlRoomNumber?: string | null;
        };
        RiskDto: {
            /** @enum {string} */
            hazard: "DOGS" | "WEAPONS" | "CHILDREN_PRESENT" | "VULNERABLE_ADULTS" | "HOSTILE_OCCUPANTS" | "HAZARDOUS_PREMISES" | "PUBLIC_ORDER" | "OTHER";
            /** @description Required when the hazard is OTHER */
            hazardDetail?: string | null;
            likelihood: number;
            impact: number;
            /** @example Dog handler with the entry team; RSPCA on call */
            controls: string;
            /**
             * @description The rating once the controls are in place
             * @enum {string}
             */
            residual: "LOW" | "MEDIUM" | "HIGH";
            /** @example PS 2231 Jones, entry team */
            owner: string;
            /**
             * @description The senior officer who accepts a high residual risk
             * @example Supt Ann Clarke
             */
            acceptedBy?: string | null;
            /**
             * @description Derived from intelligence: then it is in the Intelligence section, seen by the plan’s owner and partners granted it (R14a). Required on every risk sent while the register holds one that is
             * @default false
             */
            intelligenceDerived: boolean;
        };
        BriefingDto: {
            /** @description I: information: the intelligence picture */
            information?: string;
            /** @description I: intent: what the day of action is to achieve */
            intent?: string;
            /** @description M: method: how */
            method?: string;
            /** @description A: administration: timings, kit, logistics */
            administration?: string;
            /** @description R: risk assessment */
            risk?: string;
            /** @description C: communications */
            communications?: string;
            /** @description H: humanitarian issues */
            humanitarian?: string;
        };
        WarrantDto: {
            /** @example Search warrant, s.8 PACE 1984 */
            type: string;
            /** @example Birmingham Magistrates’ Court */
            court: string;
            /** @example BMC/2027/0142 */
            reference: string;
            /** @example 2027-03-20T23:59:00Z */
            expiresAt: string;
        };
        EntryDto: {
            /** @enum {string} */
            basis: "WARRANT" | "CONSENT" | "STATUTORY_POWER";
            /** @description Required when the basis is WARRANT */
            warrant?: components["schemas"]["WarrantDto"];
            /**
             * @description Required when the basis is STATUTORY_POWER
             * @example s.179 Immigration and Asylum Act 1999
             */
            power?: string;
        };
        SiteCommanderDto: {
            /** @example Ann Clarke */
            name: string;
            /** @example Chief Superintendent */
            rankOrGrade: string;
            /** @example West Midlands Police */
            agency: string;
            /**
             * @description A 24-hour contact number, UK or international; stored and shown in E.164
             * @example 0121 626 5000
             */
            phone: string;
        };
        LocationDto: {
            /**
             * Format: uuid
             * @description On a change, the id of one of the plan’s locations: it stays that location, with the teams allocated to it. Without an id, a location at the same postcode and address stays
             */
            id?: string;
            /** @example Car wash, rear unit */
            label: string;
            /** @example 12 Ladypool Road, Birmingham */
            address: string;
            /**
             * @description UK postcode; stored in upper case with one space
             * @example B12 8JY
             */
            postcode: string;
            /**
             * @description H-hour: when the doors go in; inside the plan’s window
             * @example 2027-03-01T06:00:00Z
             */
            strikeAt?: string | null;
            /** @description On what basis officers enter */
            entry?: components["schemas"]["EntryDto"] | null;
            /** @description The Bronze / site commander at this location */
            siteCommander?: components["schemas"]["SiteCommanderDto"] | null;
        };
        FirstResponderDto: {
            /** @example DC Priya Shah */
            name: string;
            /**
             * Format: uuid
             * @description An agency that is an NRM first responder organisation
             */
            agencyId: string;
            /** @example 07700 900456 */
            phone?: string | null;
        };
        InterpreterDto: {
            /** @example Romanian */
            language: string;
            /** @example Big Word, booked 04:00–16:00 */
            name: string;
        };
        SafeguardingDto: {
            expectedPotentialVictims?: number;
            /**
             * @example [
             *       "Romanian",
             *       "Vietnamese"
             *     ]
             */
            languages?: string[];
            /** @example Sparkhill reception centre, 1 Stratford Road */
            receptionCentre?: string | null;
            /**
             * @description When the reception centre opens
             * @example 2027-03-01T05:00:00Z
             */
            receptionOpensAt?: string | null;
            /**
             * @description When it closes: it should be open at every strike time
             * @example 2027-03-01T20:00:00Z
             */
            receptionClosesAt?: string | null;
            /** @example West Midlands Ambulance Service HART on standby at RV1 */
            medicalCover?: string | null;
            /** @description Named NRM first responders for the day; replaces the list */
            firstResponders?: components["schemas"]["FirstResponderDto"][];
            /** @description Interpreters by language; replaces the list */
            interpreters?: components["schemas"]["InterpreterDto"][];
        };
        CreateOperationDto: {
            /** @description The protective marking; fields given replace those fields (default OFFICIAL-SENSITIVE) */
            marking?: components["schemas"]["MarkingDto"];
            /** @description Fields given replace those fields */
            timings?: components["schemas"]["TimingsDto"];
            /** @description Gold, Silver and the SIO; roles given replace those roles */
            command?: components["schemas"]["CommandDto"];
            /** @description Fields given replace those fields */
            communications?: components["schemas"]["CommunicationsDto"];
            /** @description The risk register; replaces the whole register */
            risks?: components["schemas"]["RiskDto"][];
            /** @example Operation Harbour: car washes, Sparkhill */
            name: string;
            exploitationTypes: ("LABOUR" | "SEXUAL" | "CRIMINAL" | "DOMESTIC_SERVITUDE" | "ORGAN_REMOVAL")[];
            /** @enum {string} */
            scope: "LOCAL" | "REGIONAL" | "NATIONAL" | "INTERNATIONAL";
            /** @example 2027-03-01T05:00:00Z */
            startsAt: string;
            /**
             * @description after startsAt, at most 72 hours later
             * @example 2027-03-01T17:00:00Z
             */
            endsAt: string;
            briefing?: components["schemas"]["BriefingDto"];
            locations?: components["schemas"]["LocationDto"][];
            safeguarding?: components["schemas"]["SafeguardingDto"];
        };
        MarkingView: {
            /** @enum {string} */
            classification: "OFFICIAL" | "OFFICIAL-SENSITIVE";
            handlingInstruction: string | null;
        };
        PersonView: {
            /** Format: uuid */
            id: string;
            name: string;
            email: string;
        };
        SharingView: {
            agency: components["schemas"]["AgencyView"];
            sections: ("PLACES" | "TEAMS" | "INTELLIGENCE" | "PROSECUTION")[];
            /** @description Why, as the owner last gave it */
            reason: string;
            by: components["schemas"]["PersonView"];
            at: string;
        };
        BriefingView: {
            /** @description I: information, the intelligence picture. Omitted unless the caller sees the Intelligence section: the plan’s holders and partners granted it (R14a) */
            information?: string;
            intent: string;
            method: string;
            administration: string;
            risk: string;
            communications: string;
            humanitarian: string;
        };
        WarrantView: {
            /** @example Search warrant, s.8 PACE 1984 */
            type: string;
            /** @example Birmingham Magistrates’ Court */
            court: string;
            /** @example BMC/2027/0142 */
            reference: string;
            /** @example 2027-03-20T23:59:00Z */
            expiresAt: string;
        };
        EntryView: {
            /** @enum {string} */
            basis: "WARRANT" | "CONSENT" | "STATUTORY_POWER";
            warrant: components["schemas"]["WarrantView"] | null;
            power: string | null;
        };
        CommanderView: {
            name: string;
            rankOrGrade: string;
            agency: string;
            /** @description E.164 */
            phone: string;
        };
        StoredLocationView: {
            label: string;
            address: string;
            postcode: string;
            /** @description H-hour */
            strikeAt: string | null;
            entry: components["schemas"]["EntryView"] | null;
            /** @description The Bronze / site commander */
            siteCommander: components["schemas"]["CommanderView"] | null;
            /** Format: uuid */
            id: string;
        };
        FirstResponderView: {
            name: string;
            agency: components["schemas"]["AgencyView"];
            phone: string | null;
        };
        InterpreterView: {
            /** @example Romanian */
            language: string;
            /** @example Big Word, booked 04:00–16:00 */
            name: string;
        };
        SafeguardingView: {
            expectedPotentialVictims: number;
            languages: string[];
            receptionCentre: string | null;
            receptionOpensAt: string | null;
            receptionClosesAt: string | null;
            medicalCover: string | null;
            firstResponders: components["schemas"]["FirstResponderView"][];
            interpreters: components["schemas"]["InterpreterView"][];
        };
        TimingsView: {
            briefingAt: string | null;
            briefingPlace: string | null;
            debriefAt: string | null;
        };
        RvPointView: {
            /** Format: uuid */
            id: string;
            name: string;
            address: string;
            meetAt: string;
        };
        CommunicationsView: {
            radioChannel: string | null;
            controlRoomNumber: string | null;
        };
        CommandView: {
            /** @description Gold (strategic) */
            gold: components["schemas"]["CommanderView"] | null;
            /** @description Silver (tactical) */
            silver: components["schemas"]["CommanderView"] | null;
            /** @description The senior investigating officer */
            sio: components["schemas"]["CommanderView"] | null;
        };
        RiskView: {
            /** @enum {string} */
            hazard: "DOGS" | "WEAPONS" | "CHILDREN_PRESENT" | "VULNERABLE_ADULTS" | "HOSTILE_OCCUPANTS" | "HAZARDOUS_PREMISES" | "PUBLIC_ORDER" | "OTHER";
            hazardDetail: string | null;
            likelihood: number;
            impact: number;
            /** @description likelihood × impact, before the controls */
            score: number;
            controls: string;
            /** @enum {string} */
            residual: "LOW" | "MEDIUM" | "HIGH";
            owner: string;
            acceptedBy: string | null;
            /** @description Derived from intelligence: shown only to those who see the Intelligence section */
            intelligenceDerived: boolean;
        };
        DeploymentTeamView: {
            /** Format: uuid */
            id: string;
            name: string;
            capabilities: string[];
            capacity: number;
        };
        DeploymentView: {
            /** Format: uuid */
            id: string;
            /** @description The version a partner answers against (confirm, decline). Omitted for another agency’s team unless the caller sees the Teams section: a partner sees its own deployments in full and others’ as team, agency and status (R14a) */
            version?: number;
            team: components["schemas"]["DeploymentTeamView"];
            agency: components["schemas"]["AgencyView"];
            /** @enum {string} */
            status: "REQUESTED" | "CONFIRMED" | "DECLINED" | "RELEASED";
            /** @description Omitted for another agency’s team unless the caller sees the Teams section: a partner sees its own deployments in full and others’ as team, agency and status (R14a) */
            headcount?: number;
            /** @description Omitted for another agency’s team unless the caller sees the Teams section: a partner sees its own deployments in full and others’ as team, agency and status (R14a) */
            tasking?: string;
            /** @description The powers the tasking needs; the team’s agency holds each. Omitted for another agency’s team unless the caller sees the Teams section: a partner sees its own deployments in full and others’ as team, agency and status (R14a) */
            powers?: ("ENTRY" | "SEARCH" | "ARREST" | "IMMIGRATION_CHECKS" | "LABOUR_INSPECTION" | "TAX_COMPLIANCE" | "BENEFITS_INVESTIGATION")[];
            /** @description Where and when the team meets. Omitted for another agency’s team unless the caller sees the Teams section: a partner sees its own deployments in full and others’ as team, agency and status (R14a) */
            rvPoint?: components["schemas"]["RvPointView"] | null;
            /**
             * @description Omitted for another agency’s team unless the caller sees the Teams section: a partner sees its own deployments in full and others’ as team, agency and status (R14a)
             * @example Tango 1
             */
            callSign?: string | null;
            /** @description The ids of the plan’s locations the team is allocated to, in the plan’s order: only for a reader who sees the Places section. Omitted for another agency’s team unless the caller sees the Teams section: a partner sees its own deployments in full and others’ as team, agency and status (R14a) */
            locationIds?: string[];
            /** @description Omitted for another agency’s team unless the caller sees the Teams section: a partner sees its own deployments in full and others’ as team, agency and status (R14a) */
            startsAt?: string;
            /** @description Omitted for another agency’s team unless the caller sees the Teams section: a partner sees its own deployments in full and others’ as team, agency and status (R14a) */
            endsAt?: string;
            /** @description Moves with the operation’s window. Omitted for another agency’s team unless the caller sees the Teams section: a partner sees its own deployments in full and others’ as team, agency and status (R14a) */
            followsOperationWindow?: boolean;
            /** @description Omitted for another agency’s team unless the caller sees the Teams section: a partner sees its own deployments in full and others’ as team, agency and status (R14a) */
            requestedBy?: components["schemas"]["PersonView"];
            /** @description Omitted for another agency’s team unless the caller sees the Teams section: a partner sees its own deployments in full and others’ as team, agency and status (R14a) */
            requestedAt?: string;
            /** @description Omitted for another agency’s team unless the caller sees the Teams section: a partner sees its own deployments in full and others’ as team, agency and status (R14a) */
            respondedBy?: components["schemas"]["PersonView"] | null;
            /** @description Omitted for another agency’s team unless the caller sees the Teams section: a partner sees its own deployments in full and others’ as team, agency and status (R14a) */
            respondedAt?: string | null;
            /** @description Why the team’s agency declined: omitted for anyone but the plan’s holders (its creator’s agency and its lead) and the declining agency (R14a) */
            declineReason?: string | null;
            /** @description Omitted for another agency’s team unless the caller sees the Teams section: a partner sees its own deployments in full and others’ as team, agency and status (R14a) */
            releasedAt?: string | null;
            /**
             * @description Omitted for another agency’s team unless the caller sees the Teams section: a partner sees its own deployments in full and others’ as team, agency and status (R14a)
             * @example the operation was completed
             */
            releaseReason?: string | null;
            /**
             * @description Another plan has this team for overlapping time: CONFIRMED (it cannot be confirmed here too) or also REQUESTED. Omitted for another agency’s team unless the caller sees the Teams section: a partner sees its own deployments in full and others’ as team, agency and status (R14a)
             * @enum {string|null}
             */
            bookedElsewhere?: "CONFIRMED" | "REQUESTED" | null;
        };
        SignOffView: {
            /** @description A supporting agency with a confirmed team */
            agency: components["schemas"]["AgencyView"];
            /**
             * @description AWAITING its manager (also once its part changed after a decline); SIGNED_OFF its part as it stands; WITHDRAWN: signed off, but its part has changed since; DECLINED with a reason, while its part is unchanged
             * @enum {string}
             */
            state: "AWAITING" | "SIGNED_OFF" | "WITHDRAWN" | "DECLINED";
            /** @enum {string|null} */
            decision: "SIGNED_OFF" | "DECLINED" | null;
            by: components["schemas"]["PersonView"] | null;
            at: string | null;
            /** @description Why the agency declined: omitted for anyone but the plan’s holders and that agency (R14a) */
            reason?: string | null;
        };
        CpsInvolvementView: {
            /** @enum {string} */
            status: "REQUESTED" | "ENGAGED" | "WITHDRAWN" | "DECLINED";
            requestedAt: string;
            /** @description What the owner asked the CPS for */
            requestNote: string | null;
            /** @example 2027-02-14 */
            adviceNeededBy: string | null;
            /** @description Why a liaison declined the request */
            declineReason: string | null;
            declinedBy: components["schemas"]["PersonView"] | null;
            declinedAt: string | null;
            /** @description When the liaison closed evidence gathering */
            closedAt: string | null;
            liaison: components["schemas"]["PersonView"] | null;
            engagedAt: string | null;
            /** @description Whole days between engagedAt and the operation’s start */
            leadTimeDays: number | null;
        };
        AssignedTeamView: {
            /** Format: uuid */
            id: string;
            name: string;
            capabilities: string[];
            agency: components["schemas"]["AgencyView"];
        };
        EvidenceEventView: {
            /** @enum {string} */
            status: "OPEN" | "ASSIGNED" | "GATHERED" | "ACCEPTED" | "REJECTED";
            /** @description The gathering note */
            note: string | null;
            /** @description Why the evidence was rejected */
            reason: string | null;
            /** @description The team assigned */
            team: string | null;
            by: components["schemas"]["PersonView"];
            at: string;
        };
        EvidenceRequirementView: {
            /** Format: uuid */
            id: string;
            /** @description The version its transitions (edit, assign, gathered, accept, reject) are made against */
            version: number;
            /** @enum {string} */
            offence: "MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR" | "MSA_S2_HUMAN_TRAFFICKING" | "MSA_S4_OFFENCE_WITH_INTENT" | "OTHER";
            offenceOther: string | null;
            /** @enum {string} */
            evidenceType: "VICTIM_ACCOUNT" | "WITNESS_STATEMENT" | "FINANCIAL_RECORDS" | "DIGITAL_DEVICES" | "COMMUNICATIONS_DATA" | "CCTV" | "DOCUMENTS" | "SCENE_PHOTOGRAPHY" | "MEDICAL" | "INTELLIGENCE";
            description: string;
            /** @enum {string} */
            priority: "ESSENTIAL" | "DESIRABLE";
            /** @enum {string} */
            status: "OPEN" | "ASSIGNED" | "GATHERED" | "ACCEPTED" | "REJECTED";
            assignedTeam: components["schemas"]["AssignedTeamView"] | null;
            /** @description The capability this type of evidence usually needs */
            suggestedCapability: string | null;
            /** @description Set when the assigned team lacks the suggested capability */
            warning: string | null;
            gatheredNote: string | null;
            gatheredBy: components["schemas"]["PersonView"] | null;
            gatheredAt: string | null;
            decidedBy: components["schemas"]["PersonView"] | null;
            decidedAt: string | null;
            rejectionReason: string | null;
            /** @description Every step, oldest first: each note and each rejection */
            history: components["schemas"]["EvidenceEventView"][];
        };
        ApprovalView: {
            by: components["schemas"]["PersonView"];
            at: string;
        };
        OutcomesView: {
            arrests: number;
            potentialVictimsSafeguarded: number;
            nrmReferrals: number;
            premisesVisited: number;
            notes?: string;
        };
        PlanActionsView: {
            /** @description Submit for review (owner; DRAFT or CHANGES_REQUESTED) */
            submit: boolean;
            /** @description Withdraw from review (owner; SUBMITTED) */
            withdraw: boolean;
            /** @description Approve (a manager of the lead agency who neither created nor changed the plan, R12; SUBMITTED) */
            approve: boolean;
            /** @description Send back for changes (as approve) */
            requestChanges: boolean;
            /** @description Start the day of action (owner; APPROVED), after the go/no-go checks */
            start: boolean;
            /** @description Complete it with its outcomes (owner; ACTIVE, once its window has opened) */
            complete: boolean;
            /** @description Cancel (owner; any status before ACTIVE) */
            cancel: boolean;
            /** @description Stand it down (owner; ACTIVE) */
            standDown: boolean;
            /** @description Change the plan (owner; DRAFT, CHANGES_REQUESTED, or APPROVED, which returns it to DRAFT) */
            edit: boolean;
            /** @description Add and change evidence requirements (the engaged CPS liaison, while the plan is edited) */
            setEvidence: boolean;
            /** @description Close evidence gathering (the engaged CPS liaison, once the day of action is COMPLETED or STOOD_DOWN) */
            closeEvidenceGathering: boolean;
        };
        OperationView: {
            /** Format: uuid */
            id: string;
            /** @example OP-2027-0001 */
            reference: string;
            name: string;
            /** @enum {string} */
            status: "DRAFT" | "SUBMITTED" | "CHANGES_REQUESTED" | "APPROVED" | "ACTIVE" | "COMPLETED" | "CANCELLED" | "STOOD_DOWN";
            exploitationTypes: ("LABOUR" | "SEXUAL" | "CRIMINAL" | "DOMESTIC_SERVITUDE" | "ORGAN_REMOVAL")[];
            /** @enum {string} */
            scope: "LOCAL" | "REGIONAL" | "NATIONAL" | "INTERNATIONAL";
            startsAt: string;
            endsAt: string;
            leadAgency: components["schemas"]["AgencyView"] | null;
            version: number;
            createdAt: string;
            /** @description The protective marking (R14d), shown wherever the plan is */
            marking: components["schemas"]["MarkingView"];
            /** @description The lead, or the creator’s agency while there is no lead (R15) */
            owningAgency: components["schemas"]["AgencyView"];
            /** @description The sections of the plan the caller sees (R14a, R14b); what is not shared is left out of this view */
            sections: ("CORE" | "PLACES" | "SAFEGUARDING" | "TEAMS" | "INTELLIGENCE" | "PROSECUTION")[];
            /** @description Sections granted to partner agencies (R14b): only for the plan’s holders */
            sharing?: components["schemas"]["SharingView"][];
            briefing: components["schemas"]["BriefingView"];
            /** @description The Places section: omitted for a victim-support, local-authority or CPS reader unless the owner granted it (R14a) */
            locations?: components["schemas"]["StoredLocationView"][];
            safeguarding: components["schemas"]["SafeguardingView"];
            timings: components["schemas"]["TimingsView"];
            /** @description In the order teams meet */
            rvPoints: components["schemas"]["RvPointView"][];
            communications: components["schemas"]["CommunicationsView"];
            /** @description Gold, Silver and the SIO: Core, seen by every agency on the plan (R14a) */
            command: components["schemas"]["CommandView"];
            /** @description The risk register, in the order it was written; risks derived from intelligence only for those who see the Intelligence section */
            risks: components["schemas"]["RiskView"][];
            /** @description Every team on the plan; another agency’s in full only for those who see the Teams section */
            deployments: components["schemas"]["DeploymentView"][];
            /** @description Each supporting agency with a confirmed team signs off its part before approval */
            signOffs: components["schemas"]["SignOffView"][];
            /** @description The Prosecution section: null when not requested; omitted unless the caller sees it (the holders, the engaged liaison, partners granted it; any liaison while a request is open) */
            cpsInvolvement?: components["schemas"]["CpsInvolvementView"] | null;
            /** @description The evidence matrix: all of it for those who see the Prosecution section; for a partner, the requirements assigned to its own teams */
            evidenceRequirements: components["schemas"]["EvidenceRequirementView"][];
            /** @description Who approved the plan and when, while it stands */
            approval: components["schemas"]["ApprovalView"] | null;
            outcomes: components["schemas"]["OutcomesView"] | null;
            /** @description Why the plan was cancelled or stood down; null otherwise */
            cancelReason: string | null;
            createdBy: components["schemas"]["PersonView"];
            createdByAgency: components["schemas"]["AgencyView"];
            updatedBy: components["schemas"]["PersonView"];
            updatedAt: string;
            /** @description Whether the caller may edit the plan (R15) */
            canEdit: boolean;
            /** @description What the caller may do with the plan now (R8): the moves its status allows that the caller’s rights allow; pages offer exactly these */
            actions: components["schemas"]["PlanActionsView"];
        };
        OperationSummaryView: {
            /** Format: uuid */
            id: string;
            /** @example OP-2027-0001 */
            reference: string;
            name: string;
            /** @enum {string} */
            status: "DRAFT" | "SUBMITTED" | "CHANGES_REQUESTED" | "APPROVED" | "ACTIVE" | "COMPLETED" | "CANCELLED" | "STOOD_DOWN";
            exploitationTypes: ("LABOUR" | "SEXUAL" | "CRIMINAL" | "DOMESTIC_SERVITUDE" | "ORGAN_REMOVAL")[];
            /** @enum {string} */
            scope: "LOCAL" | "REGIONAL" | "NATIONAL" | "INTERNATIONAL";
            startsAt: string;
            endsAt: string;
            leadAgency: components["schemas"]["AgencyView"] | null;
            version: number;
            createdAt: string;
            /** @description The protective marking (R14d), shown wherever the plan is */
            marking: components["schemas"]["MarkingView"];
        };
        OperationPage: {
            items: components["schemas"]["OperationSummaryView"][];
            nextCursor: string | null;
        };
        UpdateOperationDto: {
            /** @description The version of the plan the client last saw (R10) */
            version: number;
            /** @description The protective marking; fields given replace those fields (default OFFICIAL-SENSITIVE) */
            marking?: components["schemas"]["MarkingDto"];
            /** @description Fields given replace those fields */
            timings?: components["schemas"]["TimingsDto"];
            /** @description Gold, Silver and the SIO; roles given replace those roles */
            command?: components["schemas"]["CommandDto"];
            /** @description Fields given replace those fields */
            communications?: components["schemas"]["CommunicationsDto"];
            /** @description The risk register; replaces the whole register */
            risks?: components["schemas"]["RiskDto"][];
            name?: string;
            exploitationTypes?: ("LABOUR" | "SEXUAL" | "CRIMINAL" | "DOMESTIC_SERVITUDE" | "ORGAN_REMOVAL")[];
            /** @enum {string} */
            scope?: "LOCAL" | "REGIONAL" | "NATIONAL" | "INTERNATIONAL";
            startsAt?: string;
            endsAt?: string;
            /** @description Sections given replace those sections; others stay */
            briefing?: components["schemas"]["BriefingDto"];
            /** @description Replaces the whole list */
            locations?: components["schemas"]["LocationDto"][];
            /** @description Fields given replace those fields */
            safeguarding?: components["schemas"]["SafeguardingDto"];
        };
        ActorAgencyView: {
            /** Format: uuid */
            id: string;
            code: string;
            name: string;
        };
        HistoryEventView: {
            /** @description Position in the operation’s chain, from 1 */
            seq: number;
            /** @example operation.updated */
            action: string;
            at: string;
            actor: components["schemas"]["PersonView"];
            actorAgency: components["schemas"]["ActorAgencyView"];
            /** @description What changed, as it was */
            before: Record<string, never> | null;
            /** @description What changed, as it became */
            after: Record<string, never> | null;
            /**
             * @description The event in plain English, as the History page shows it: first what happened, then one sentence for each field or item it changed, with labels rather than codes, names rather than ids, and times in UK time (GMT or BST named). Only what the caller may read is said.
             * @example [
             *       "Changed the plan",
             *       "Name: Operation Aldgate → Operation Bow",
             *       "Glam Nails: strike time 06:00 → 06:30 GMT"
             *     ]
             */
            summary: string[];
        };
        SetLeadAgencyDto: {
            /** @description The version of the plan the client last saw (R10) */
            version: number;
            /**
             * Format: uuid
             * @description null clears the lead
             */
            agencyId: string | null;
        };
        EligibleAgenciesView: {
            lead: components["schemas"]["AgencyView"][];
            support: components["schemas"]["AgencyView"][];
        };
        RvPointWriteDto: {
            /** @example RV1: Tesco car park */
            name: string;
            /** @example Stratford Road, Sparkhill, B11 4EA */
            address: string;
            /**
             * @description When teams meet there; inside the plan’s window
             * @example 2027-03-01T05:15:00Z
             */
            meetAt: string;
            /** @description The version of the plan the client last saw (R10) */
            version: number;
        };
        SharingDto: {
            /** @description The version of the plan the client last saw (R10) */
            version: number;
            /**
             * Format: uuid
             * @description A partner agency with a team on the plan (or one already granted sections, to withdraw them)
             */
            agencyId: string;
            /** @description Every section the agency is to see beyond its default; [] withdraws them all. Intelligence is never shared with victim-support or local-authority agencies (SHARING_NOT_PERMITTED) */
            sections: ("PLACES" | "TEAMS" | "INTELLIGENCE" | "PROSECUTION")[];
            /** @example HMRC’s financial investigators need the subjects to trace the payroll */
            reason: string;
        };
        CreateDeploymentDto: {
            /** @description The version of the plan the client last saw (R10) */
            version: number;
            /** @description The powers the tasking needs: the team’s agency must hold each (POWER_NOT_HELD) */
            powers?: ("ENTRY" | "SEARCH" | "ARREST" | "IMMIGRATION_CHECKS" | "LABOUR_INSPECTION" | "TAX_COMPLIANCE" | "BENEFITS_INVESTIGATION")[];
            /**
             * Format: uuid
             * @description One of the plan’s RV points; null for none
             */
            rvPointId?: string | null;
            /** @description The plan’s locations the team is allocated to (ids from the plan’s locations); replaces the allocation */
            locationIds?: string[];
            /** @example Tango 1 */
            callSign?: string | null;
            /** Format: uuid */
            teamId: string;
            /** @description Officers deployed; at most the team’s capacity (R6) */
            headcount: number;
            /** @example Entry and search at the rear unit */
            tasking?: string;
            /** @description Defaults to the operation’s start; must lie inside the operation’s window */
            startsAt?: string;
            /** @description Defaults to the operation’s end; must lie inside the operation’s window */
            endsAt?: string;
        };
        DeploymentRecordView: {
            /** Format: uuid */
            operationId: string;
            /** @example OP-2027-0012 */
            reference: string;
            name: string;
            marking: components["schemas"]["MarkingView"];
            /** @description Whether the caller still sees the plan: an agency whose last team was declined or released by the owner keeps only its own deployment record (R14) */
            planVisible: boolean;
            deployment: components["schemas"]["DeploymentView"];
        };
        UpdateDeploymentDto: {
            /** @description The version of the plan the client last saw (R10) */
            version: number;
            /** @description The powers the tasking needs: the team’s agency must hold each (POWER_NOT_HELD) */
            powers?: ("ENTRY" | "SEARCH" | "ARREST" | "IMMIGRATION_CHECKS" | "LABOUR_INSPECTION" | "TAX_COMPLIANCE" | "BENEFITS_INVESTIGATION")[];
            /**
             * Format: uuid
             * @description One of the plan’s RV points; null for none
             */
            rvPointId?: string | null;
            /** @description The plan’s locations the team is allocated to (ids from the plan’s locations); replaces the allocation */
            locationIds?: string[];
            /** @example Tango 1 */
            callSign?: string | null;
            tasking?: string;
        };
        DeploymentVersionDto: {
            /** @description The version of the deployment the client last saw */
            version: number;
        };
        DeploymentDecisionView: {
            /** Format: uuid */
            operationId: string;
            /** @description The plan’s version, which a partner’s answer does not change */
            operationVersion: number;
            deployment: components["schemas"]["DeploymentView"];
        };
        DeclineDeploymentDto: {
            /** @description The version of the deployment the client last saw */
            version: number;
            /** @example Team committed to a firearms operation that day */
            reason: string;
        };
        CpsRequestDto: {
            /** @description The version of the plan the client last saw (R10) */
            version: number;
            /** @example Forced labour at two car washes; advice needed on charging the site managers under s.1 or s.2 */
            note: string;
            /**
             * @description The date the advice is needed by (UK): from today up to the day of action
             * @example 2027-02-14
             */
            adviceNeededBy: string;
        };
        VersionDto: {
            /** @description The version of the plan the client last saw (R10) */
            version: number;
        };
        DeclineCpsRequestDto: {
            /** @description The version of the plan the client last saw (R10) */
            version: number;
            /** @example This area is covered by the CPS West Midlands unit; ask them */
            reason: string;
        };
        CpsDeclineView: {
            /** Format: uuid */
            operationId: string;
            reference: string;
            operationVersion: number;
            /** @enum {string} */
            status: "DECLINED";
            reason: string;
        };
        OffenceGroupView: {
            /** @enum {string} */
            offence: "MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR" | "MSA_S2_HUMAN_TRAFFICKING" | "MSA_S4_OFFENCE_WITH_INTENT" | "OTHER";
            label: string;
            requirements: components["schemas"]["EvidenceRequirementView"][];
        };
        MatrixSummaryView: {
            total: number;
            essential: number;
            /** @description ESSENTIAL requirements with no team yet */
            essentialUnassigned: number;
            gathered: number;
            accepted: number;
            rejected: number;
            warnings: number;
        };
        EvidenceMatrixView: {
            /** Format: uuid */
            operationId: string;
            version: number;
            /** @description Offences in Act order; only those with requirements */
            offences: components["schemas"]["OffenceGroupView"][];
            summary: components["schemas"]["MatrixSummaryView"];
        };
        CreateEvidenceRequirementDto: {
            /** @description The version of the plan the client last saw (R10) */
            version: number;
            /** @enum {string} */
            offence: "MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR" | "MSA_S2_HUMAN_TRAFFICKING" | "MSA_S4_OFFENCE_WITH_INTENT" | "OTHER";
            /** @description The offence, in words: required with OTHER, refused otherwise */
            offenceOther?: string;
            /** @enum {string} */
            evidenceType: "VICTIM_ACCOUNT" | "WITNESS_STATEMENT" | "FINANCIAL_RECORDS" | "DIGITAL_DEVICES" | "COMMUNICATIONS_DATA" | "CCTV" | "DOCUMENTS" | "SCENE_PHOTOGRAPHY" | "MEDICAL" | "INTELLIGENCE";
            /** @example Phones of the site managers, seized and imaged on the day */
            description: string;
            /** @enum {string} */
            priority: "ESSENTIAL" | "DESIRABLE";
        };
        EvidenceWriteView: {
            /** Format: uuid */
            operationId: string;
            /** @description The plan’s version: it moves when requirements are set or assigned, not when evidence is gathered or decided */
            operationVersion: number;
            requirement: components["schemas"]["EvidenceRequirementView"];
        };
        UpdateEvidenceRequirementDto: {
            /** @description The version of the evidence requirement the client last saw */
            version: number;
            /** @enum {string} */
            offence?: "MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR" | "MSA_S2_HUMAN_TRAFFICKING" | "MSA_S4_OFFENCE_WITH_INTENT" | "OTHER";
            offenceOther?: string;
            /** @enum {string} */
            evidenceType?: "VICTIM_ACCOUNT" | "WITNESS_STATEMENT" | "FINANCIAL_RECORDS" | "DIGITAL_DEVICES" | "COMMUNICATIONS_DATA" | "CCTV" | "DOCUMENTS" | "SCENE_PHOTOGRAPHY" | "MEDICAL" | "INTELLIGENCE";
            description?: string;
            /** @enum {string} */
            priority?: "ESSENTIAL" | "DESIRABLE";
        };
        AssignEvidenceDto: {
            /** @description The version of the evidence requirement the client last saw */
            version: number;
            /**
             * Format: uuid
             * @description A team with a confirmed deployment on the operation
             */
            teamId: string;
        };
        GatheredEvidenceDto: {
            /** @description The version of the evidence requirement the client last saw */
            version: number;
            /** @example Three phones seized, exhibits JS/1 to JS/3 */
            note: string;
        };
        RequirementVersionDto: {
            /** @description The version of the evidence requirement the client last saw */
            version: number;
        };
        RejectEvidenceDto: {
            /** @description The version of the evidence requirement the client last saw */
            version: number;
            /** @example The exhibit log is incomplete: no seizure times */
            reason: string;
        };
        SubjectView: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "PERSON" | "PHONE" | "VEHICLE" | "EMAIL";
            fullName: string | null;
            dateOfBirth: string | null;
            aliases: string[];
            /** @description E.164 */
            phone: string | null;
            /** @description Upper case, no spaces */
            registration: string | null;
            email: string | null;
            addedBy: components["schemas"]["PersonView"];
            addedAt: string;
        };
        PlanSubjectsView: {
            /** @description The plan’s version, to make the next change against (R10) */
            operationVersion: number;
            /** @description In the order they were added */
            subjects: components["schemas"]["SubjectView"][];
        };
        AddSubjectDto: {
            /** @description The version of the plan the client last saw (R10) */
            version: number;
            /** @enum {string} */
            kind: "PERSON" | "PHONE" | "VEHICLE" | "EMAIL";
            /**
             * @description PERSON: in any order, with or without accents
             * @example Jan Kowalski
             */
            fullName?: string;
            /**
             * @description PERSON
             * @example 1980-02-01
             */
            dateOfBirth?: string;
            /** @description PERSON: other names the person is known by */
            aliases?: string[];
            /**
             * @description PHONE: a UK number, or any with its country code
             * @example 07700 900123
             */
            phone?: string;
            /**
             * @description VEHICLE: a UK registration
             * @example AB12 CDE
             */
            registration?: string;
            /**
             * @description EMAIL
             * @example boss@example.com
             */
            email?: string;
        };
        LogLocationView: {
            /** Format: uuid */
            id: string;
            /** @description The location’s label when the entry was recorded */
            label: string;
        };
        LogEntryView: {
            /** @description In the order recorded; the event id of the stream */
            id: string;
            /** @enum {string} */
            kind: "STATUS" | "DECISION" | "COUNT" | "MESSAGE";
            /** @enum {string} */
            section: "CORE" | "INTELLIGENCE";
            /** @description Only for a reader who sees the Places section */
            location: components["schemas"]["LogLocationView"] | null;
            /** @enum {string|null} */
            status: "NOT_STARTED" | "TEAM_AT_RV" | "ENTRY_MADE" | "SEARCH_UNDER_WAY" | "CLEAR" | "STOOD_DOWN" | null;
            happenedAt: string;
            recordedAt: string;
            author: components["schemas"]["PersonView"];
            agency: components["schemas"]["AgencyView"];
            correctsId: string | null;
            /** @description The fields of its kind, as posted: note; decision, rationale, decidedBy, considered; count, number, offence, … */
            details: {
                [key: string]: unknown;
            };
        };
        DayLogView: {
            /** @description In the order recorded */
            entries: components["schemas"]["LogEntryView"][];
        };
        PostLogEntryDto: {
            /**
             * @description STATUS of a premises, a DECISION (JESIP decision log), a COUNT, or a MESSAGE (ETHANE)
             * @enum {string}
             */
            kind: "STATUS" | "DECISION" | "COUNT" | "MESSAGE";
            /**
             * @description When it happened; now when left out. Not in the future
             * @example 2027-03-01T06:02:00Z
             */
            happenedAt?: string;
            /**
             * Format: uuid
             * @description STATUS (required), COUNT and MESSAGE (optional): one of the plan’s locations
             */
            locationId?: string;
            /**
             * @description The id of an entry of this plan’s log this one corrects
             * @example 12
             */
            correctsId?: string;
            /**
             * @description STATUS
             * @enum {string}
             */
            status?: "NOT_STARTED" | "TEAM_AT_RV" | "ENTRY_MADE" | "SEARCH_UNDER_WAY" | "CLEAR" | "STOOD_DOWN";
            /** @description STATUS: why, when the status moves out of its order (required then) */
            note?: string;
            /**
             * @description DECISION
             * @example Hold the third address until the second is clear
             */
            decision?: string;
            /** @description DECISION: why */
            rationale?: string;
            /**
             * @description DECISION: who decided
             * @enum {string}
             */
            decidedBy?: "GOLD" | "SILVER" | "SENIOR_INVESTIGATING_OFFICER" | "SITE_COMMANDER";
            /** @description DECISION: what was considered */
            considered?: string;
            /** @description DECISION: derived from intelligence, so shown only to those who see the Intelligence section */
            intelligence?: boolean;
            /**
             * @description COUNT: what is counted
             * @enum {string}
             */
            count?: "ARREST" | "POTENTIAL_VICTIM" | "SAFEGUARDED" | "NRM_REFERRAL" | "DUTY_TO_NOTIFY" | "SEIZURE";
            /** @description COUNT: how many */
            number?: number;
            /**
             * @description COUNT of ARREST: the offence
             * @enum {string}
             */
            offence?: "MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR" | "MSA_S2_HUMAN_TRAFFICKING" | "MSA_S4_OFFENCE_WITH_INTENT" | "OTHER";
            /** @description COUNT of ARREST for OTHER: the offence in words */
            offenceOther?: string;
            /**
             * @description COUNT of POTENTIAL_VICTIM: adults or children
             * @enum {string}
             */
            ageGroup?: "ADULT" | "CHILD";
            /**
             * @description COUNT of SEIZURE: what was seized
             * @enum {string}
             */
            seized?: "CASH" | "DEVICES" | "DOCUMENTS";
            /** @description MESSAGE (ETHANE): E, the exact location */
            exactLocation?: string;
            /** @description MESSAGE: T, the type of incident */
            incidentType?: string;
            /** @description MESSAGE: H, hazards */
            hazards?: string;
            /** @description MESSAGE: A, access */
            access?: string;
            /** @description MESSAGE: N, number and type of casualties or potential victims */
            casualties?: string;
            /** @description MESSAGE: E, emergency services present and required */
            services?: string;
        };
        AgeGroupCounts: {
            ADULT: number;
            CHILD: number;
        };
        SeizureCounts: {
            CASH: number;
            DEVICES: number;
            DOCUMENTS: number;
        };
        DayTotalsView: {
            arrests: number;
            potentialVictims: components["schemas"]["AgeGroupCounts"];
            safeguarded: number;
            nrmReferrals: number;
            dutyToNotify: number;
            seizures: components["schemas"]["SeizureCounts"];
        };
        LoggedOutcomesView: {
            arrests: number;
            potentialVictimsSafeguarded: number;
            nrmReferrals: number;
            premisesVisited: number;
        };
        PremisesStatusAt: {
            /** @enum {string} */
            status: "NOT_STARTED" | "TEAM_AT_RV" | "ENTRY_MADE" | "SEARCH_UNDER_WAY" | "CLEAR" | "STOOD_DOWN";
            happenedAt: string;
        };
        PremisesTimelineView: {
            location: components["schemas"]["LogLocationView"];
            /** @description In the order they happened */
            statuses: components["schemas"]["PremisesStatusAt"][];
        };
        LoggedDecisionView: {
            id: string;
            happenedAt: string;
            /** @enum {string} */
            decidedBy: "GOLD" | "SILVER" | "SENIOR_INVESTIGATING_OFFICER" | "SITE_COMMANDER";
            decision: string;
            rationale: string;
            considered: string;
            /** @description Derived from intelligence: only for readers who see the Intelligence section */
            intelligence: boolean;
            recordedBy: string;
            /** @description The decision this one corrects; the log keeps both */
            correctsId: string | null;
        };
        DaySummaryView: {
            /** @description Whether anything was logged: with nothing logged, the figures say nothing about the day */
            logged: boolean;
            /** @description Each count totalled, a corrected count replaced by its correction */
            totals: components["schemas"]["DayTotalsView"];
            /** @description Premises whose status reached Entry made or later */
            premisesVisited: number;
            /** @description The outcomes to complete the plan with, as the log counted them */
            outcomes: components["schemas"]["LoggedOutcomesView"];
            /** @description Each location, only for a reader who sees the Places section */
            premises: components["schemas"]["PremisesTimelineView"][];
            /** @description In the order the decisions were taken */
            decisions: components["schemas"]["LoggedDecisionView"][];
        };
        ReadinessCheckView: {
            /** @example cps-engaged */
            id: string;
            /** @description The check passes (a check that does not apply yet passes too) */
            ok: boolean;
            /** @description Whether the check applies to the plan as it stands. False when there is nothing to check yet (no potential victims expected, no languages, no warrant, no high risk, no hit, the CPS not engaged…): it passes, and the message says why it is not needed; pages show it as "Not needed yet", not as done */
            applies: boolean;
            /** @description A failing blocking check stops the next step (submission, approval or the start); others are warnings */
            blocking: boolean;
            message: string;
        };
        ReadinessView: {
            /** @description Every blocking check passes: the plan is ready for its next step (false for a plan under way or ended, which has none) */
            ready: boolean;
            /**
             * @description What the checks judge the plan for: its submission (a draft, or a plan sent back for changes), its approval (submitted), or the go/no-go of starting it (approved). Null for a day of action under way or a plan that has ended (completed, cancelled or stood down): there is no next step to be ready for, so readiness is false and checks holds one blocking, failing check saying so, id "under-way" (complete it with its outcomes, or stand it down) or "ended"
             * @enum {string|null}
             */
            stage: "submit" | "approve" | "start" | null;
            checks: components["schemas"]["ReadinessCheckView"][];
        };
        ConflictAgencyView: {
            code: string;
            name: string;
        };
        ContactView: {
            name: string;
            email: string;
        };
        OverlapView: {
            /**
             * @description The UK date (YYYY-MM-DD) the overlap of the windows starts on
             * @example 2028-05-01
             */
            from: string;
            /**
             * @description The UK date it ends on: the last day both windows cover
             * @example 2028-05-02
             */
            to: string;
        };
        AcknowledgementView: {
            note: string;
            by: components["schemas"]["PersonView"];
            at: string;
        };
        OtherPersonView: {
            name: string;
            email: string;
            /** @description Their agency’s code */
            agency: string;
        };
        TheirAcknowledgementView: {
            note: string;
            by: components["schemas"]["OtherPersonView"];
            at: string;
        };
        ConflictView: {
            /**
             * Format: uuid
             * @description The hit, to acknowledge it (not the other operation’s id); both plans’ sides of one hit share it
             */
            hitId: string;
            /** @description The other operation’s reference */
            reference: string;
            leadAgency: components["schemas"]["ConflictAgencyView"] | null;
            /** @description Who to call in the other operation */
            contact: components["schemas"]["ContactView"] | null;
            /** @description When the hit was raised */
            raisedAt: string;
            /**
             * @description What the two plans shared when the hit was raised, as codes, in this order: PLACE (a postcode, in windows that overlapped, neither plan cancelled), then PERSON, PHONE, VEHICLE, EMAIL (a subject of interest matched blind by keyed hash, whatever the dates, neither plan ended). Recorded then and never recomputed: a later match sharing a kind or postcode that no earlier hit of the two plans listed is a new hit, listing everything shared at that moment; anything else (another phone number, a subject removed, a place moved) changes nothing here
             * @example [
             *       "PLACE",
             *       "PHONE"
             *     ]
             */
            kinds: ("PLACE" | "PERSON" | "PHONE" | "VEHICLE" | "EMAIL")[];
            /**
             * @description The kinds in words, in the same order; never a value
             * @example [
             *       "a place in the same window",
             *       "a phone number"
             *     ]
             */
            matched: string[];
            /**
             * @description The postcodes both plans held when the hit was raised (empty unless the kinds include PLACE)
             * @example [
             *       "E6 1HZ"
             *     ]
             */
            sharedPostcodes: string[];
            /** @description When both plans were to be on the ground, to the UK day, as the windows stood when the hit was raised; null unless the kinds include PLACE (or, for a hit raised before the facts were recorded, when it is not known) */
            overlap: components["schemas"]["OverlapView"] | null;
            /** @description The hit stands, and needs this plan’s owner to call the contact and acknowledge it, once for everything it lists (it blocks readiness until then): it is the latest hit between the two plans, and the other plan has not been cancelled (it never went ahead). An earlier hit between the same plans is covered by the latest, which lists everything they shared at its moment. Nothing else about the other plan counts: a hit with a plan completed or stood down still stands */
            stands: boolean;
            /** @description This plan’s owner’s acknowledgement, one for everything the hit lists */
            acknowledgement: components["schemas"]["AcknowledgementView"] | null;
            /** @description The other plan’s owner’s acknowledgement of the same hit */
            theirAcknowledgement: components["schemas"]["TheirAcknowledgementView"] | null;
        };
        AcknowledgeDto: {
            /** @description The version of the plan the client last saw (R10) */
            version: number;
            /** @example Spoke to the NCA lead; our entry is two hours after theirs */
            note: string;
        };
        ReviewDto: {
            /** @description The version of the plan the client last saw (R10) */
            version: number;
            /** @enum {string} */
            decision: "APPROVE" | "REQUEST_CHANGES";
            /** @description Required when requesting changes: what to change */
            comment?: string;
        };
        OutcomesDto: {
            arrests: number;
            potentialVictimsSafeguarded: number;
            /** @description National Referral Mechanism referrals; at most potentialVictimsSafeguarded */
            nrmReferrals: number;
            premisesVisited: number;
            notes?: string;
        };
        CompleteDto: {
            /** @description The version of the plan the client last saw (R10) */
            version: number;
            outcomes: components["schemas"]["OutcomesDto"];
        };
        CancelDto: {
            /** @description The version of the plan the client last saw (R10) */
            version: number;
            /** @example Intelligence shows the site has closed */
            reason: string;
        };
        StandDownDto: {
            /** @description The version of the plan the client last saw (R10) */
            version: number;
            /** @example Intelligence shows the subjects left the address overnight */
            reason: string;
            /** @description The outcomes so far, if there are any to record: all four counts, as on completion */
            outcomes?: components["schemas"]["OutcomesDto"];
        };
        SignOffDto: {
            /** @description The version of the plan the client last saw (R10) */
            version: number;
            /**
             * @description SIGNED_OFF: our part as it stands; DECLINED returns the plan to CHANGES_REQUESTED
             * @enum {string}
             */
            decision: "SIGNED_OFF" | "DECLINED";
            /**
             * @description Required when declining, and only then
             * @example Our team cannot be at the RV point before 06:00
             */
            reason?: string;
        };
        TaskOperationView: {
            /** Format: uuid */
            id: string;
            /** @example OP-2027-0001 */
            reference: string;
            name: string;
            /** @enum {string} */
            status: "DRAFT" | "SUBMITTED" | "CHANGES_REQUESTED" | "APPROVED" | "ACTIVE" | "COMPLETED" | "CANCELLED" | "STOOD_DOWN";
            startsAt: string;
            endsAt: string;
            /** @description On a sign-off task (SIGN_OFF_PART): the plan’s version as the task was read. Sign off against it (POST /operations/{id}/sign-off): should the plan change again, the sign-off is refused (VERSION_CONFLICT) rather than given on what the task did not name */
            version?: number;
        };
        TaskUserView: {
            name: string;
            email: string;
        };
        AdditionLimitReportView: {
            /**
             * Format: uuid
             * @description The report, to mark as looked into (POST /tasks/addition-limit-reports/{id}/looked-into)
             */
            id: string;
            /** @description Who reached the limit */
            user: components["schemas"]["TaskUserView"];
            /**
             * @description The UK day (YYYY-MM-DD) they reached it
             * @example 2026-12-10
             */
            day: string;
            /** @description The daily limit then: identifiers and postcodes one user may add to plans in a day */
            dailyLimit: number;
            /** @description How many of their changes the limit refused that day */
            changesRefused: number;
            /** @description How many identifiers and postcodes those changes would have added */
            additionsRefused: number;
            /** @description When the last was refused */
            lastRefusedAt: string;
        };
        TaskView: {
            /** @enum {string} */
            kind: "FINISH_PLAN" | "MAKE_CHANGES" | "CHASE_APPROVAL" | "START_PLAN" | "COMPLETE_PLAN" | "ACKNOWLEDGE_HIT" | "ANSWER_TEAM_REQUEST" | "GATHER_EVIDENCE" | "ACCEPT_CPS_REQUEST" | "DECIDE_EVIDENCE" | "REVIEW_PLAN" | "NEEDS_ANOTHER_MANAGER" | "SIGN_OFF_PART" | "TEAM_RELEASED" | "TEAM_DECLINED" | "LOOK_INTO_ADDITIONS";
            /** @description The plan the task is about. Absent only on a LOOK_INTO_ADDITIONS task whose refused changes were new plans (never made), and no plan the caller may see */
            operation?: components["schemas"]["TaskOperationView"];
            /** @description What to do, in words */
            summary: string;
            /** @description The plan starts within 7 days */
            urgent: boolean;
            /** @description Whole hours until the plan starts, when it starts within 24 hours (0: within the hour); absent when it starts later or has started */
            startsInHours?: number;
            /**
             * Format: uuid
             * @description The deployment to confirm or decline; or the team that was released (TEAM_RELEASED) or that its agency declined (TEAM_DECLINED)
             */
            deploymentId?: string;
            /**
             * Format: uuid
             * @description The evidence requirement to gather or decide
             */
            requirementId?: string;
            /**
             * Format: uuid
             * @description The deconfliction hit to acknowledge
             */
            hitId?: string;
            /** @description On a LOOK_INTO_ADDITIONS task (managers): a user of the agency went past the daily limit on identifiers and postcodes added to plans, and was refused; the operation is the plan of their last refused change, if any. Stays until a manager marks it as looked into */
            additionLimit?: components["schemas"]["AdditionLimitReportView"];
            /**
             * @description On a sign-off task whose sign-off a change withdrew: each change to the agency’s part of the plan since it signed it off (the window, briefing and debrief times, the places and strike times, and its own teams), one sentence each, as the plan’s history says it (UK time, GMT or BST named), and only what the caller may see of the plan. Empty when what changed is not shared with the caller’s agency. The summary names the first few.
             * @example [
             *       "Glam Nails: strike time 06:00 → 06:30 GMT"
             *     ]
             */
            changes?: string[];
        };
        CalendarFeedCreatedView: {
            /**
             * @description The secret address to subscribe to, absolute, on the host and protocol the request came to. Shown only this once: only its hash is kept. A new one replaces the old.
             * @example https://planner.example/calendar/3q2-7wEjTnqWBJmZ_cBGr0kX9lnyw5sWl5L5bq7mFPc.ics
             */
            url: string;
            /** @description When the feed was made */
            createdAt: string;
        };
        CalendarFeedStateView: {
            /** @description Whether the caller has a live feed (its address is never shown again) */
            exists: boolean;
            createdAt: string | null;
            /** @description When a calendar app last read it (to the hour) */
            lastUsedAt: string | null;
        };
        PeriodView: {
            /** @example 2026-01 */
            from: string;
            /** @example 2026-12 */
            to: string;
            /** @example 12 */
            months: number;
        };
        ScopeView: {
            /** @example MPS */
            agencyCode: string;
            /**
             * @description VISIBLE: every plan the caller may see (R14), for a manager; OWNED_OR_SUPPORTED: the plans the caller’s agency owns or supports with a team, for a coordinator
             * @enum {string}
             */
            basis: "VISIBLE" | "OWNED_OR_SUPPORTED";
        };
        StatusCountsView: {
            DRAFT: number;
            SUBMITTED: number;
            CHANGES_REQUESTED: number;
            APPROVED: number;
            ACTIVE: number;
            COMPLETED: number;
            CANCELLED: number;
            STOOD_DOWN: number;
        };
        PlansMonthView: {
            /**
             * @description The month the plans start in, UK time
             * @example 2026-03
             */
            month: string;
            total: number;
            /** @description Plans the caller’s agency owns: it leads them, or created them and no lead is chosen yet */
            led: number;
            /** @description Plans another agency owns, on which the caller’s agency has a team that did not decline */
            supported: number;
            byStatus: components["schemas"]["StatusCountsView"];
        };
        PlansPerMonthView: {
            months: components["schemas"]["PlansMonthView"][];
            total: number;
            summary: string;
        };
        LeadTimeBucketView: {
            /** @example 7 to 13 days */
            label: string;
            /** @description Whole days from engagement to the start, at least */
            fromDays: number;
            /** @description At most (null: no upper bound) */
            toDays: number | null;
            plans: number;
        };
        CpsLeadTimeView: {
            /**
             * @description The mark: a CPS liaison engaged at least this many days before the start
             * @example 7
             */
            thresholdDays: number;
            /** @description Plans in the period (not cancelled) with a CPS liaison engaged */
            plans: number;
            /** @description Of those, engaged at least thresholdDays before the start */
            inTime: number;
            /** @description inTime as a whole percentage of plans */
            percentInTime: number | null;
            /** @description Median days from engagement to the start, one decimal */
            medianDays: number | null;
            buckets: components["schemas"]["LeadTimeBucketView"][];
            summary: string;
        };
        ReadinessCheckCountView: {
            /**
             * @description The id GET /operations/:id/readiness gives the check
             * @example cps-engaged
             */
            id: string;
            /** @example Engage the CPS early */
            title: string;
            /** @description Plans failing the check */
            failing: number;
        };
        UpcomingReadinessView: {
            /** @example 30 */
            windowDays: number;
            /** @description Plans starting within windowDays from now that have not ended (completed, cancelled or stood down) */
            plans: number;
            /** @description Of those, plans failing none of the checks below */
            ready: number;
            /** @description The blocking checks counted, most failed first */
            checks: components["schemas"]["ReadinessCheckCountView"][];
            summary: string;
        };
        AgencyRefView: {
            code: string;
            name: string;
        };
        PartnerResponseView: {
            /** @description The agency whose team was asked for */
            agency: components["schemas"]["AgencyRefView"];
            /** @description Requests that agency answered (confirmed or declined) */
            answered: number;
            /** @description Median hours from request to answer, one decimal */
            medianHours: number;
            /** @description 90th percentile of hours from request to answer, one decimal */
            p90Hours: number;
        };
        PartnerResponsesView: {
            /** @description Slowest median first */
            agencies: components["schemas"]["PartnerResponseView"][];
            summary: string;
        };
        OutcomesMonthView: {
            /** @example 2026-03 */
            month: string;
            /** @description Days of action completed that started in the month */
            completed: number;
            /** @description Days of action stood down that started in the month: their outcomes so far, where recorded, are in the counts beside */
            stoodDown: number;
            arrests: number;
            potentialVictimsSafeguarded: number;
            nrmReferrals: number;
            premisesVisited: number;
        };
        OutcomesPerMonthView: {
            months: components["schemas"]["OutcomesMonthView"][];
            /** @description The whole period (month: the period, from–to) */
            total: components["schemas"]["OutcomesMonthView"];
            summary: string;
        };
        DashboardView: {
            period: components["schemas"]["PeriodView"];
            scope: components["schemas"]["ScopeView"];
            plansPerMonth: components["schemas"]["PlansPerMonthView"];
            cpsLeadTime: components["schemas"]["CpsLeadTimeView"];
            readiness: components["schemas"]["UpcomingReadinessView"];
            partnerResponse: components["schemas"]["PartnerResponsesView"];
            outcomesPerMonth: components["schemas"]["OutcomesPerMonthView"];
        };
        ReferenceEventView: {
            /** @description Position in the reference-data chain, from 1 */
            seq: number;
            /** @enum {string} */
            entity: "agency" | "team" | "user" | "policy" | "powers";
            /** @description The agency, team or user id; the agency kind and role of a policy rule; the agency kind whose powers changed */
            entityId: string;
            /** @example user.updated */
            action: string;
            at: string;
            actor: components["schemas"]["PersonView"];
            actorAgency: components["schemas"]["ActorAgencyView"];
            before: Record<string, never> | null;
            after: Record<string, never> | null;
        };
        ReferenceEventPage: {
            items: components["schemas"]["ReferenceEventView"][];
            /** @description Pass as cursor for the next (older) page */
            nextCursor: number | null;
        };
        BrokenLinkView: {
            /**
             * @description An operation’s chain, or the reference-data chain
             * @enum {string}
             */
            chain: "operation" | "reference";
            /** Format: uuid */
            operationId: string | null;
            eventId: string;
            seq: number;
            problem: string;
        };
        VerifyView: {
            ok: boolean;
            eventsChecked: number;
            firstBroken: components["schemas"]["BrokenLinkView"] | null;
        };
        HealthView: {
            /** @enum {string} */
            status: "ok" | "unavailable";
            /** @enum {string} */
            db: "up" | "down";
        };
        LiveView: {
            /** @enum {string} */
            status: "ok";
        };
        ReadyView: {
            /** @enum {string} */
            status: "ok" | "error";
            info: Record<string, never>;
            error: Record<string, never>;
            details: Record<string, never>;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    MetricsController_read: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResult"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AuthController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            /** @description A new token, as sign-in gives */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResult"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AgenciesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgencyView"][];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AgenciesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAgencyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgencyView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AgenciesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAgencyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgencyView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    TeamsController_list: {
        parameters: {
            query?: {
                agencyId?: string;
                capability?: "ENTRY" | "SEARCH" | "ARREST" | "SAFEGUARDING" | "INTERPRETING" | "FINANCIAL_INVESTIGATION" | "DIGITAL_FORENSICS" | "IMMIGRATION_CHECKS" | "LABOUR_INSPECTION" | "TAX_COMPLIANCE" | "BENEFITS_INVESTIGATION" | "INTELLIGENCE" | "VICTIM_RECEPTION";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamView"][];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    TeamsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTeamDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    TeamsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTeamDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"][];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    PowersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every kind of agency with the powers its officers hold: a team is tasked only with these (POWER_NOT_HELD) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgencyKindPowersView"][];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    PowersController_replace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: "POLICE" | "NCA" | "GLAA" | "BORDER_FORCE" | "IMMIGRATION_ENFORCEMENT" | "HMRC" | "DWP" | "CPS" | "LOCAL_AUTHORITY" | "VICTIM_SUPPORT";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutPowersDto"];
            };
        };
        responses: {
            /** @description The kind now holds exactly these powers (the CPS none, R2); audited with the reason. Deployments already tasked are not changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgencyKindPowersView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    PolicyController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyRuleView"][];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    PolicyController_replace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutPolicyRulesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyRuleView"][];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    OperationsController_list: {
        parameters: {
            query?: {
                status?: "DRAFT" | "SUBMITTED" | "CHANGES_REQUESTED" | "APPROVED" | "ACTIVE" | "COMPLETED" | "CANCELLED" | "STOOD_DOWN";
                /** @description Only operations whose window ends at or after this instant */
                from?: string;
                /** @description Only operations whose window starts at or before this instant */
                to?: string;
                /** @description Text in the name or reference */
                q?: string;
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The operations the caller may see, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationPage"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    OperationsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOperationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    OperationsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    OperationsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOperationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: LEAD_NOT_PERMITTED, SUPPORT_NOT_PERMITTED, CAPACITY_EXCEEDED, TEAM_NOT_DEPLOYED, POWER_NOT_HELD, SHARING_NOT_PERMITTED, NOT_READY */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    OperationsController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every change, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryEventView"][];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    LeadAgencyController_setLead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetLeadAgencyDto"];
            };
        };
        responses: {
            /** @description 422 LEAD_NOT_PERMITTED names the rule that forbids it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: LEAD_NOT_PERMITTED, SUPPORT_NOT_PERMITTED, CAPACITY_EXCEEDED, TEAM_NOT_DEPLOYED, POWER_NOT_HELD, SHARING_NOT_PERMITTED, NOT_READY */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    LeadAgencyController_eligible: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EligibleAgenciesView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    RvPointsController_add: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RvPointWriteDto"];
            };
        };
        responses: {
            /** @description The plan with the new RV point and its new version */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    RvPointsController_remove: {
        parameters: {
            query: {
                /** @description The version of the plan the client last saw */
                version: number;
            };
            header?: never;
            path: {
                id: string;
                rid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 409 CONFLICT while a team still meets there */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    RvPointsController_change: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                rid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RvPointWriteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SharingController_share: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SharingDto"];
            };
        };
        responses: {
            /** @description The owner sets the sections a partner agency sees beyond its default (R14b); 422 SHARING_NOT_PERMITTED for intelligence to victim support or a local authority, or an agency with no team on the plan */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: LEAD_NOT_PERMITTED, SUPPORT_NOT_PERMITTED, CAPACITY_EXCEEDED, TEAM_NOT_DEPLOYED, POWER_NOT_HELD, SHARING_NOT_PERMITTED, NOT_READY */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DeploymentsController_request: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDeploymentDto"];
            };
        };
        responses: {
            /** @description The plan with the new deployment and its new version */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: LEAD_NOT_PERMITTED, SUPPORT_NOT_PERMITTED, CAPACITY_EXCEEDED, TEAM_NOT_DEPLOYED, POWER_NOT_HELD, SHARING_NOT_PERMITTED, NOT_READY */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DeploymentsController_record: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                did: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One deployment: for anyone who sees the plan, and for the team’s own agency after it declined or was released (R14) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeploymentRecordView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DeploymentsController_release: {
        parameters: {
            query: {
                /** @description The version of the plan the client last saw */
                version: number;
            };
            header?: never;
            path: {
                id: string;
                did: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Releases the team; the deployment stays in the plan as RELEASED */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DeploymentsController_changeOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                did: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDeploymentDto"];
            };
        };
        responses: {
            /** @description The owner changes the tasking, powers, RV point or call sign; 422 POWER_NOT_HELD */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: LEAD_NOT_PERMITTED, SUPPORT_NOT_PERMITTED, CAPACITY_EXCEEDED, TEAM_NOT_DEPLOYED, POWER_NOT_HELD, SHARING_NOT_PERMITTED, NOT_READY */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DeploymentsController_confirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                did: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeploymentVersionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeploymentDecisionView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: LEAD_NOT_PERMITTED, SUPPORT_NOT_PERMITTED, CAPACITY_EXCEEDED, TEAM_NOT_DEPLOYED, POWER_NOT_HELD, SHARING_NOT_PERMITTED, NOT_READY */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DeploymentsController_decline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                did: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeclineDeploymentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeploymentDecisionView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CpsController_request: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CpsRequestDto"];
            };
        };
        responses: {
            /** @description Requests early involvement, with a note and the date advice is needed by: every CPS liaison can now see the plan */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CpsController_withdraw: {
        parameters: {
            query: {
                /** @description The version of the plan the client last saw */
                version: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Withdraws a request no liaison has accepted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CpsController_accept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VersionDto"];
            };
        };
        responses: {
            /** @description The caller becomes the operation’s CPS liaison */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CpsController_decline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeclineCpsRequestDto"];
            };
        };
        responses: {
            /** @description Declines the request with a reason; the owner sees it, and no liaison sees the plan any more */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CpsDeclineView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CpsController_close: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VersionDto"];
            };
        };
        responses: {
            /** @description The engaged liaison closes evidence gathering once the day of action is completed or stood down */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    EvidenceController_matrix: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceMatrixView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    EvidenceController_add: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateEvidenceRequirementDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceWriteView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    EvidenceController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                rid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateEvidenceRequirementDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceWriteView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    EvidenceController_assign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                rid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignEvidenceDto"];
            };
        };
        responses: {
            /** @description 422 TEAM_NOT_DEPLOYED when the team has no confirmed deployment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceWriteView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: LEAD_NOT_PERMITTED, SUPPORT_NOT_PERMITTED, CAPACITY_EXCEEDED, TEAM_NOT_DEPLOYED, POWER_NOT_HELD, SHARING_NOT_PERMITTED, NOT_READY */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    EvidenceController_gathered: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                rid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GatheredEvidenceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceWriteView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    EvidenceController_acceptEvidence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                rid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequirementVersionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceWriteView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    EvidenceController_rejectEvidence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                rid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectEvidenceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceWriteView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SubjectsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Only for those who may see the plan (R14) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanSubjectsView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SubjectsController_add: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddSubjectDto"];
            };
        };
        responses: {
            /** @description The plan’s subjects; a match with another open plan is a hit in GET …/conflicts */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanSubjectsView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SubjectsController_remove: {
        parameters: {
            query: {
                /** @description The version of the plan the client last saw */
                version: number;
            };
            header?: never;
            path: {
                id: string;
                sid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanSubjectsView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DayLogController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What the caller may see of the day’s log (R14a), in the order recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DayLogView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DayLogController_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PostLogEntryDto"];
            };
        };
        responses: {
            /** @description Appends an entry: open while the plan is ACTIVE and for 72 hours after it ends (409 INVALID_TRANSITION otherwise); never changed or removed (correct with a new entry naming correctsId) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogEntryView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DayLogController_summary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The day as the caller’s view of the log tells it: each count totalled (a corrected count replaced by its correction), the outcomes to complete the plan with, each premises’ statuses (with Places) and the decision log */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DaySummaryView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DayLogController_follow: {
        parameters: {
            query?: {
                /** @description Resume after this entry, for a client that cannot set Last-Event-ID */
                after?: unknown;
            };
            header?: {
                /** @description Resume after this entry (browsers send it on reconnecting) */
                "Last-Event-ID"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server-sent events: every entry after Last-Event-ID (or ?after=), then each entry as it is recorded, on any instance; each event has the entry’s id, the name entry, and the entry as in GET …/log (what the caller may see of it, R14a); a comment every 15 seconds keeps it open */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WorkflowController_readiness: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadinessView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WorkflowController_conflicts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictView"][];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WorkflowController_acknowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                hitId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcknowledgeDto"];
            };
        };
        responses: {
            /** @description hitId: the hit’s id in GET …/conflicts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictView"][];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WorkflowController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VersionDto"];
            };
        };
        responses: {
            /** @description 422 NOT_READY lists the failing blocking checks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: LEAD_NOT_PERMITTED, SUPPORT_NOT_PERMITTED, CAPACITY_EXCEEDED, TEAM_NOT_DEPLOYED, POWER_NOT_HELD, SHARING_NOT_PERMITTED, NOT_READY */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WorkflowController_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VersionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WorkflowController_decide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewDto"];
            };
        };
        responses: {
            /** @description 403 SELF_APPROVAL for the plan’s creator or last editor */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: LEAD_NOT_PERMITTED, SUPPORT_NOT_PERMITTED, CAPACITY_EXCEEDED, TEAM_NOT_DEPLOYED, POWER_NOT_HELD, SHARING_NOT_PERMITTED, NOT_READY */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WorkflowController_start: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VersionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: LEAD_NOT_PERMITTED, SUPPORT_NOT_PERMITTED, CAPACITY_EXCEEDED, TEAM_NOT_DEPLOYED, POWER_NOT_HELD, SHARING_NOT_PERMITTED, NOT_READY */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WorkflowController_complete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteDto"];
            };
        };
        responses: {
            /** @description Records the outcomes and releases every team */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WorkflowController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelDto"];
            };
        };
        responses: {
            /** @description Any status before ACTIVE; releases every team */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WorkflowController_standDown: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StandDownDto"];
            };
        };
        responses: {
            /** @description An ACTIVE day of action called off: releases every team (they stay on the record), withdraws an open CPS request, and keeps the reason and any outcomes so far */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WorkflowController_briefing: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The IIMARCH briefing pack, printable: HTML when the Accept header asks for it before Markdown, Markdown otherwise */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/markdown": string;
                    "text/html": string;
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WorkflowController_briefingPdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The briefing pack as an A4 PDF: the marking at the top and foot of every page, the reference with "page N of M", the version and when it was produced; only the sections shared with the caller */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WorkflowController_briefingDocx: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The briefing pack as an A4 Word document: the marking at the top and foot of every page, the reference with "page N of M", the version and when it was produced; only the sections shared with the caller */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WorkflowController_cardsPdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The premises cards as an A4 PDF, a page for each location the caller sees: its address, strike time, entry, site commander, the teams allocated there, the risks that name it, the reception centre, interpreters and communications; the marking at the top and foot of every page with "page N of M". A caller the premises are not shared with gets one page saying so */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SignOffController_signOff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignOffDto"];
            };
        };
        responses: {
            /** @description A manager of a supporting agency with a confirmed team signs off its part of a SUBMITTED plan (the version stays), or declines with a reason (the plan goes to CHANGES_REQUESTED). 403 for anyone else who can see the plan; 409 INVALID_TRANSITION unless SUBMITTED */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: CONFLICT, VERSION_CONFLICT, INVALID_TRANSITION, TEAM_DOUBLE_BOOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    TasksController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What waits for the caller, by role, soonest plan first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskView"][];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    TasksController_lookedInto: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                reportId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A manager has looked into a report of the daily limit on additions (a LOOK_INTO_ADDITIONS task) of their agency: it leaves every manager’s tasks. Answers the caller’s tasks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskView"][];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CalendarController_state: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Whether the caller has a feed; never its address */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarFeedStateView"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CalendarController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A new secret feed address, shown once; any earlier address of the caller stops working */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarFeedCreatedView"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CalendarController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The feed is turned off: its address stops working (also when there was none) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CalendarController_feed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The secret token of the address POST /calendar/feed gave */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description iCalendar (RFC 5545): the plans the user’s agency owns and its confirmed teams; plans cancelled or stood down, and teams released, as STATUS:CANCELLED. Each event holds the reference, name, status, times, the marking (CLASS:CONFIDENTIAL for OFFICIAL-SENSITIVE, PRIVATE for OFFICIAL) and a link to the plan page; a plan’s own event, in its owning agency’s feed, why it was cancelled or stood down; no operational detail */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description code: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DashboardController_get: {
        parameters: {
            query?: {
                /** @description First month of the period (YYYY-MM, UK time); to defaults to this month */
                from?: string;
                /** @description Last month of the period (YYYY-MM, UK time), included; from defaults to 11 months before */
                to?: string;
                /** @description The last N months, this month included (instead of from and to) */
                months?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Managers: every plan they may see (R14); coordinators: the plans their agency owns or supports */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardView"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AuditController_reference: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Changes to agencies, teams, users and the policy, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferenceEventPage"];
                };
            };
            /** @description code: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AuditController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Checks every hash chain; names the first broken link */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifyView"];
                };
            };
            /** @description code: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description code: FORBIDDEN, SELF_APPROVAL, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthView"];
                };
            };
            /** @description code: SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LiveView"];
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadyView"];
                };
            };
            /** @description code: SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
}
