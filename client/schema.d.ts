export interface paths {
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This OpenAPI document */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description This document */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            openapi: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyId}/limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An agency's limits, overrides and usage */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TenantLimits"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an agency's limits (platform admin) */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LimitChange"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TenantLimits"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/clients/{clientId}/limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A client's limits, overrides and usage */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TenantLimits"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a client's limits (its agency or the platform admin) */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LimitChange"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TenantLimits"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/platform/databases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The deployment's databases and how many agencies each serves */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DatabaseList"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyId}/placement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An agency's database and connection pool */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Placement"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Give an agency a pool of its own, or move it to another database */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PlacementRequest"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PlacementChange"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`). */
                409: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: 200 while the process runs */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HealthStatus"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: 200 while the database answers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HealthStatus"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in: an access token for an email and password */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TokenRequest"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccessToken"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: wait `Retry-After` seconds. */
                429: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in a browser: an access token, and a session cookie that renews it */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TokenRequest"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccessToken"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: wait `Retry-After` seconds. */
                429: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Sign a browser out: its session cookie is cleared */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/session/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new access token for the browser's session cookie */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccessToken"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the caller's own password */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PasswordChange"];
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: wait `Retry-After` seconds. */
                429: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List agencies */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AgencyList"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create an agency */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Agency"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`). */
                409: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyId}/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an agency's clients */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ClientList"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a client of an agency */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /**
                         * Format: uuid
                         * @description A template of the agency's own or of the platform's to provision the client from
                         */
                        templateId?: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProvisionedClient"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`). */
                409: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a client */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Client"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyId}/suspension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Suspend an agency and every client of it (platform admin) */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SuspensionRequest"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Agency"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Lift an agency's suspension (platform admin) */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Agency"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/suspension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Suspend a client (its agency or the platform admin) */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SuspensionRequest"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Client"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Lift a client's suspension */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Client"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyId}/deletion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An agency's deletion: how far it got, and where its export is */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TenantDeletion"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Delete an agency and its clients: suspended at once, exported, purged after a grace period (platform admin) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DeletionRequest"];
                };
            };
            responses: {
                /** @description Accepted */
                202: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TenantDeletion"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`). */
                409: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Cancel an agency's deletion within its grace period (platform admin) */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TenantDeletion"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`). */
                409: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/deletion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A client's deletion: how far it got, and where its export is */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TenantDeletion"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Delete a client: suspended at once, exported, purged after a grace period (its agency or the platform admin) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DeletionRequest"];
                };
            };
            responses: {
                /** @description Accepted */
                202: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TenantDeletion"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`). */
                409: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Cancel a client's deletion within its grace period */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TenantDeletion"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`). */
                409: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platform/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the platform's templates */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TemplateList"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a template every agency may provision clients from (platform admin) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TemplateInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Template"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platform/templates/{templateId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a platform template */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    templateId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Template"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Replace a platform template */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    templateId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TemplateInput"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Template"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a platform template */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    templateId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyId}/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an agency's templates */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TemplateList"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create an agency's own template */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TemplateInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Template"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyId}/templates/{templateId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an agency's template */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                    templateId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Template"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Replace an agency's template */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                    templateId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TemplateInput"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Template"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Delete an agency's template */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                    templateId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the API versions, their changes, deprecation and sunset */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiVersionList"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyId}/api-version": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the API version an agency is pinned to */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiVersionPin"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Upgrade an agency's API version, or roll the last upgrade back within 72 hours */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ApiVersionChoice"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiVersionPin"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`). */
                409: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/api-version": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the API version a client is served in */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiVersionPin"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Pin a client to an API version of its own */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ApiVersionChoice"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiVersionPin"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`). */
                409: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Remove a client's own pin: it follows its agency again */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyId}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an agency's users */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserList"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a user of an agency */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewUser"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`). */
                409: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyId}/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an agency user */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`). */
                409: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change an agency user's role */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RoleChange"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`). */
                409: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/agencies/{agencyId}/users/{userId}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password for an agency user */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PasswordReset"];
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a client's users */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserList"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a user of a client */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewUser"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`). */
                409: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a client user */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`). */
                409: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a client user's role */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RoleChange"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`). */
                409: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/clients/{clientId}/users/{userId}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password for a client user */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PasswordReset"];
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyId}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an agency's open invitations */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InvitationList"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Invite someone into an agency */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewInvitation"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            role: "admin" | "member" | "viewer";
                            tenantId: string;
                            tenantType: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            token: string;
                        };
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyId}/invitations/{invitationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw an agency invitation */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                    invitationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a client's open invitations */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InvitationList"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Invite someone into a client */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewInvitation"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            role: "admin" | "member" | "viewer";
                            tenantId: string;
                            tenantType: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            token: string;
                        };
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/invitations/{invitationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw a client invitation */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                    invitationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation: creates the user */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["InvitationAcceptance"];
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a client's widget settings */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ClientSettings"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a client's widget settings */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ClientSettingsChange"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ClientSettings"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/platform/flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the platform's flag settings */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FlagSettingList"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platform/flags/{flag}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a flag for the whole platform */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    /** @description Lower case: a letter, then up to 63 of a-z 0-9 _ . - */
                    flag: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["FlagSettingChange"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FlagSetting"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`). */
                409: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Remove the platform's setting of a flag */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    /** @description Lower case: a letter, then up to 63 of a-z 0-9 _ . - */
                    flag: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyId}/flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every flag decided for an agency, and which level decided */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FlagEvaluationList"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyId}/flags/{flag}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One flag decided for an agency, and which level decided */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                    /** @description Lower case: a letter, then up to 63 of a-z 0-9 _ . - */
                    flag: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FlagEvaluation"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Set an agency's own flag (its clients inherit it) */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                    /** @description Lower case: a letter, then up to 63 of a-z 0-9 _ . - */
                    flag: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["FlagSettingChange"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FlagSetting"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`). */
                409: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Remove an agency's own setting of a flag */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                    /** @description Lower case: a letter, then up to 63 of a-z 0-9 _ . - */
                    flag: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every flag decided for a client, and which level decided */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FlagEvaluationList"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/flags/{flag}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One flag decided for a client, and which level decided */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                    /** @description Lower case: a letter, then up to 63 of a-z 0-9 _ . - */
                    flag: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FlagEvaluation"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Set a client's own flag */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                    /** @description Lower case: a letter, then up to 63 of a-z 0-9 _ . - */
                    flag: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["FlagSettingChange"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FlagSetting"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`). */
                409: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Remove a client's own setting of a flag */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                    /** @description Lower case: a letter, then up to 63 of a-z 0-9 _ . - */
                    flag: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platform/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the platform's isolation-breach alerts, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    status?: "open" | "acknowledged" | "resolved";
                    /** @description What was crossed or tried (docs/alerts.md). */
                    kind?: "database_privilege_denied" | "provisioning_isolation_failed" | "token_after_user_removed" | "cross_tenant_denials" | "refused_origin_spike" | "domain_failing" | "scoped_without_context";
                };
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AlertPage"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platform/alerts/{alertId}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge an alert: occurrences keep counting on it */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    alertId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Alert"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`). */
                409: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platform/alerts/{alertId}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve an alert: the next occurrence opens a new one */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    alertId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Alert"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`). */
                409: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A client's counts per minute or hour: requests, refusals, errors, latency */
        get: {
            parameters: {
                query?: {
                    /** @description Minute buckets are kept a day, hour buckets 90 days. */
                    resolution?: "minute" | "hour";
                    /** @description Default: `to` less 24 hours (hour) or 60 minutes (minute). */
                    from?: string;
                    /** @description Default: now. The range ends with the bucket that holds it. */
                    to?: string;
                };
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MetricsSeries"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyId}/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An agency's counts per minute or hour, its clients' added up or its own */
        get: {
            parameters: {
                query?: {
                    /** @description Minute buckets are kept a day, hour buckets 90 days. */
                    resolution?: "minute" | "hour";
                    /** @description Default: `to` less 24 hours (hour) or 60 minutes (minute). */
                    from?: string;
                    /** @description Default: now. The range ends with the bucket that holds it. */
                    to?: string;
                    /** @description `all`: the agency's and every client's counts added up; `own`: its own users' requests only. */
                    tenants?: "all" | "own";
                };
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MetricsSeries"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyId}/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The health of an agency and each of its clients, with the reasons */
        get: {
            parameters: {
                query?: {
                    /** @description `status`: unhealthy first, then warnings, each by requests. */
                    sort?: "status" | "requests" | "errorRate" | "latency" | "lastActivity" | "name";
                    /** @description Default: descending, but ascending for `name`. */
                    order?: "asc" | "desc";
                    status?: "healthy" | "warning" | "unhealthy";
                    /** @description Part of the name, any case. */
                    q?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TenantHealthPage"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platform/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The health of every agency and client, with the reasons */
        get: {
            parameters: {
                query?: {
                    /** @description `status`: unhealthy first, then warnings, each by requests. */
                    sort?: "status" | "requests" | "errorRate" | "latency" | "lastActivity" | "name";
                    /** @description Default: descending, but ascending for `name`. */
                    order?: "asc" | "desc";
                    status?: "healthy" | "warning" | "unhealthy";
                    /** @description Part of the name, any case. */
                    q?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TenantHealthPage"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List or search contacts */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    /** @description Email starting with, or name containing, this text */
                    q?: string;
                };
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ContactPage"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a contact */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewContact"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contact"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`). */
                409: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/contacts/{contactId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a contact */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                    contactId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contact"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a contact */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                    contactId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a contact */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                    contactId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ContactChange"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contact"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`). */
                409: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/clients/{clientId}/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List widget submissions */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    /** @description Email starting with, or name containing, this text */
                    q?: string;
                    /** @description Only the leads of this contact */
                    contactId?: string;
                };
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SubmissionPage"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/digest-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public key that signs audit digests */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @constant */
                            algorithm: "Ed25519";
                            keyId: string;
                            publicKey: string;
                        };
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyId}/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an agency's audit log */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    /** @description An action (`contact.created`) or its family (`contact`): that action, or every one under it */
                    action?: string;
                    /** @description The user who acted */
                    actorId?: string;
                    /** @description A user, the system itself, or an anonymous visitor (the widget) */
                    actorType?: "user" | "system" | "anonymous";
                    /** @description Entries at or after this instant; a date alone is its midnight UTC */
                    from?: string | unknown | unknown;
                    /** @description Entries before this instant; a date alone is its midnight UTC */
                    to?: string | unknown | unknown;
                };
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditEntryPage"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyId}/audit-log/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify an agency's audit log hash chain */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditVerification"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyId}/audit-log/digests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an agency's signed audit digests */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tenantId: string;
                            items: {
                                version: number;
                                agencyId: string;
                                tenantId: string;
                                tenantType: string;
                                seq: number;
                                periodStart: string | null;
                                periodEnd: string;
                                headSeq: number;
                                headHash: string;
                                rowCount: number;
                                previousDigestHash: string | null;
                                keyId: string;
                                signature: string;
                            }[];
                        };
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyId}/audit-log/digests/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify an agency's audit log against its signed digests */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            valid: boolean;
                            rowsChecked: number;
                            sealedRows: number;
                            digestsChecked: number;
                            coveredThroughSeq: number;
                            uncoveredRows: number;
                            lastDigestAt: string | null;
                            firstMismatch: {
                                kind: string;
                                seq: number;
                                reason: string;
                                message: string;
                            } | null;
                        };
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyId}/audit-log/chain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an agency's hashed audit rows, for offline verification */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tenantId: string;
                            items: {
                                seq: number;
                                prevHash: string;
                                hash: string;
                                sealed?: boolean;
                                agencyId?: string;
                                tenantId?: string;
                                tenantType?: string;
                                at?: string;
                                actorType?: string;
                                actorId?: string | null;
                                actorTenantType?: string | null;
                                action?: string;
                                targetType?: string;
                                targetId?: string | null;
                                details?: string;
                                requestId?: string | null;
                                ip?: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a client's audit log */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    /** @description An action (`contact.created`) or its family (`contact`): that action, or every one under it */
                    action?: string;
                    /** @description The user who acted */
                    actorId?: string;
                    /** @description A user, the system itself, or an anonymous visitor (the widget) */
                    actorType?: "user" | "system" | "anonymous";
                    /** @description Entries at or after this instant; a date alone is its midnight UTC */
                    from?: string | unknown | unknown;
                    /** @description Entries before this instant; a date alone is its midnight UTC */
                    to?: string | unknown | unknown;
                };
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditEntryPage"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/audit-log/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify a client's audit log hash chain */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditVerification"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/audit-log/digests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a client's signed audit digests */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tenantId: string;
                            items: {
                                version: number;
                                agencyId: string;
                                tenantId: string;
                                tenantType: string;
                                seq: number;
                                periodStart: string | null;
                                periodEnd: string;
                                headSeq: number;
                                headHash: string;
                                rowCount: number;
                                previousDigestHash: string | null;
                                keyId: string;
                                signature: string;
                            }[];
                        };
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/audit-log/digests/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify a client's audit log against its signed digests */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            valid: boolean;
                            rowsChecked: number;
                            sealedRows: number;
                            digestsChecked: number;
                            coveredThroughSeq: number;
                            uncoveredRows: number;
                            lastDigestAt: string | null;
                            firstMismatch: {
                                kind: string;
                                seq: number;
                                reason: string;
                                message: string;
                            } | null;
                        };
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/audit-log/chain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a client's hashed audit rows, for offline verification */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tenantId: string;
                            items: {
                                seq: number;
                                prevHash: string;
                                hash: string;
                                sealed?: boolean;
                                agencyId?: string;
                                tenantId?: string;
                                tenantType?: string;
                                at?: string;
                                actorType?: string;
                                actorId?: string | null;
                                actorTenantType?: string | null;
                                action?: string;
                                targetType?: string;
                                targetId?: string | null;
                                details?: string;
                                requestId?: string | null;
                                ip?: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyId}/compliance-report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An agency's compliance report for a period (JSON or HTML) */
        get: {
            parameters: {
                query?: {
                    from?: string | unknown | unknown;
                    to?: string | unknown | unknown;
                    format?: "json" | "html";
                };
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tenant: {
                                id: string;
                                type: string;
                                name: string | null;
                            };
                            period: {
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                to: string;
                            };
                            /** Format: date-time */
                            generatedAt: string;
                            users: {
                                current: {
                                    id: string;
                                    email: string;
                                    role: string;
                                    tenantId: string;
                                    /** Format: date-time */
                                    createdAt: string;
                                }[];
                                changes: {
                                    total: number;
                                    truncated: boolean;
                                    events: components["schemas"]["AuditEntry"][];
                                };
                            };
                            signIns: {
                                succeeded: number;
                                failed: number;
                                events: {
                                    total: number;
                                    truncated: boolean;
                                    events: components["schemas"]["AuditEntry"][];
                                };
                            };
                            domains: {
                                total: number;
                                truncated: boolean;
                                events: components["schemas"]["AuditEntry"][];
                            };
                            settings: {
                                total: number;
                                truncated: boolean;
                                events: components["schemas"]["AuditEntry"][];
                            };
                            dataRequests: {
                                exports: {
                                    total: number;
                                    truncated: boolean;
                                    events: components["schemas"]["AuditEntry"][];
                                };
                                erasures: {
                                    total: number;
                                    truncated: boolean;
                                    events: components["schemas"]["AuditEntry"][];
                                };
                            };
                            isolation: {
                                alerts: components["schemas"]["AuditEntry"][];
                                note: string;
                                checks: {
                                    total: number;
                                    truncated: boolean;
                                    events: components["schemas"]["AuditEntry"][];
                                };
                            };
                            auditChains: {
                                tenantId: string;
                                rowsInPeriod: number;
                                hashChain: {
                                    valid: boolean;
                                    rowsChecked: number;
                                    firstBrokenSeq: number | null;
                                };
                                digests: {
                                    valid: boolean;
                                    digestsChecked: number;
                                    coveredThroughSeq: number;
                                    uncoveredRows: number;
                                    lastDigestAt: string | null;
                                    firstMismatch: {
                                        kind: string;
                                        seq: number;
                                        reason: string;
                                        message: string;
                                    } | null;
                                };
                            }[];
                        };
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/compliance-report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A client's compliance report for a period (JSON or HTML) */
        get: {
            parameters: {
                query?: {
                    from?: string | unknown | unknown;
                    to?: string | unknown | unknown;
                    format?: "json" | "html";
                };
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tenant: {
                                id: string;
                                type: string;
                                name: string | null;
                            };
                            period: {
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                to: string;
                            };
                            /** Format: date-time */
                            generatedAt: string;
                            users: {
                                current: {
                                    id: string;
                                    email: string;
                                    role: string;
                                    tenantId: string;
                                    /** Format: date-time */
                                    createdAt: string;
                                }[];
                                changes: {
                                    total: number;
                                    truncated: boolean;
                                    events: components["schemas"]["AuditEntry"][];
                                };
                            };
                            signIns: {
                                succeeded: number;
                                failed: number;
                                events: {
                                    total: number;
                                    truncated: boolean;
                                    events: components["schemas"]["AuditEntry"][];
                                };
                            };
                            domains: {
                                total: number;
                                truncated: boolean;
                                events: components["schemas"]["AuditEntry"][];
                            };
                            settings: {
                                total: number;
                                truncated: boolean;
                                events: components["schemas"]["AuditEntry"][];
                            };
                            dataRequests: {
                                exports: {
                                    total: number;
                                    truncated: boolean;
                                    events: components["schemas"]["AuditEntry"][];
                                };
                                erasures: {
                                    total: number;
                                    truncated: boolean;
                                    events: components["schemas"]["AuditEntry"][];
                                };
                            };
                            isolation: {
                                alerts: components["schemas"]["AuditEntry"][];
                                note: string;
                                checks: {
                                    total: number;
                                    truncated: boolean;
                                    events: components["schemas"]["AuditEntry"][];
                                };
                            };
                            auditChains: {
                                tenantId: string;
                                rowsInPeriod: number;
                                hashChain: {
                                    valid: boolean;
                                    rowsChecked: number;
                                    firstBrokenSeq: number | null;
                                };
                                digests: {
                                    valid: boolean;
                                    digestsChecked: number;
                                    coveredThroughSeq: number;
                                    uncoveredRows: number;
                                    lastDigestAt: string | null;
                                    firstMismatch: {
                                        kind: string;
                                        seq: number;
                                        reason: string;
                                        message: string;
                                    } | null;
                                };
                            }[];
                        };
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/contacts/{contactId}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export everything stored about a contact */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                    contactId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ContactExport"];
                    };
                };
                /** @description Accepted */
                202: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PrivacyJob"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/contacts/{contactId}/erase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Erase a contact */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                    contactId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Erasure"];
                    };
                };
                /** @description Accepted */
                202: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PrivacyJob"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/erasures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a client's erasures */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PrivacyJobList"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Erase everything stored under an email */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["EmailErasure"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Erasure"];
                    };
                };
                /** @description Accepted */
                202: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PrivacyJob"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/privacy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a client's privacy settings */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PrivacySettings"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a client's privacy settings */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PrivacySettingsChange"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PrivacySettings"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/agencies/{agencyId}/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an agency's exports */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PrivacyJobList"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Export an agency with all its clients (a job) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Accepted */
                202: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PrivacyJob"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyId}/exports/{exportId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an export's status */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                    exportId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PrivacyJob"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyId}/exports/{exportId}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an export's archive */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    agencyId: string;
                    exportId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/gzip": components["schemas"]["ExportArchive"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a client's exports */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PrivacyJobList"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Export a client with all its data (a job) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Accepted */
                202: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PrivacyJob"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/exports/{exportId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an export's status */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                    exportId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PrivacyJob"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/exports/{exportId}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an export's archive */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                    exportId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/gzip": components["schemas"]["ExportArchive"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/erasures/{erasureId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an erasure's status */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                    erasureId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PrivacyJob"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platform/data-migrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the data migrations and how many agencies each has reached */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DataMigrationList"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platform/data-migrations/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A data migration's progress, agency by agency */
        get: {
            parameters: {
                query?: {
                    /** @description Where the migration stands for an agency (docs/data-migrations.md). */
                    state?: "pending" | "running" | "done" | "failed" | "rolled_back";
                };
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    /** @description The data migration. */
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DataMigrationStatus"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platform/data-migrations/{name}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a run: canaries first, then the other agencies in batches */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    /** @description The data migration. */
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DataMigrationRun"];
                };
            };
            responses: {
                /** @description Accepted */
                202: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DataMigrationStatus"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`). */
                409: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platform/data-migrations/{name}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Roll back the agencies that are done, the newest first */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    /** @description The data migration. */
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DataMigrationRollback"];
                };
            };
            responses: {
                /** @description Accepted */
                202: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DataMigrationStatus"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`). */
                409: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platform/data-migrations/{name}/tenants/{agencyId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Migrate one agency again, now */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    /** @description The data migration. */
                    name: string;
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DataMigrationTenant"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`). */
                409: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platform/data-migrations/{name}/tenants/{agencyId}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Roll back one agency, now */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    /** @description The data migration. */
                    name: string;
                    agencyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DataMigrationTenant"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`). */
                409: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/identity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a client's visitor identity setting */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            verification: "off" | "optional" | "required";
                            allowAnonymous: boolean;
                            maxAgeSeconds: number | null;
                            secret: {
                                /** Format: date-time */
                                createdAt: string;
                                previousValidUntil: string | null;
                            } | null;
                        };
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a client's visitor identity setting */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        verification?: "off" | "optional" | "required";
                        allowAnonymous?: boolean;
                        maxAgeSeconds?: number | null;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            verification: "off" | "optional" | "required";
                            allowAnonymous: boolean;
                            maxAgeSeconds: number | null;
                            secret: {
                                /** Format: date-time */
                                createdAt: string;
                                previousValidUntil: string | null;
                            } | null;
                        };
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`). */
                409: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/clients/{clientId}/identity-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make a new identity secret: shown only in this answer */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            secret: string;
                            /** Format: date-time */
                            createdAt: string;
                            previousValidUntil: string | null;
                        };
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/identity-secret/previous": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Stop the replaced identity secret verifying now */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/domains": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a client's domains */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DomainPage"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Register a domain: answers the TXT record that proves it */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewDomain"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Domain"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`). */
                409: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/domains/{domainId}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a domain's TXT record now */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                    domainId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Domain"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/domains/{domainId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a domain */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                    domainId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a client's webhook endpoints */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookList"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Register a webhook endpoint: answers its signing secret */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewWebhook"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookWithSecret"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`). */
                409: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/webhooks/{webhookId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a webhook endpoint */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                    webhookId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/webhooks/{webhookId}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace a webhook endpoint's signing secret */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                    webhookId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookWithSecret"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/webhooks/{webhookId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an endpoint's deliveries */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                    webhookId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookDeliveryPage"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/webhooks/{webhookId}/deliveries/{deliveryId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again now */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    clientId: string;
                    webhookId: string;
                    deliveryId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Accepted */
                202: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookDelivery"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again. */
                401: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/widget.js": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The widget's script-tag bundle */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The script-tag bundle (gzip or br when asked for) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/javascript": string;
                    };
                };
                /** @description Not modified since the ETag in If-None-Match */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/widget-panel.js": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The widget's panel, loaded by widget.js after the launcher shows */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/{publicKey}/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The widget's configuration, for an authorized Origin */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    publicKey: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WidgetConfig"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`). */
                409: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: wait `Retry-After` seconds. */
                429: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        /** CORS preflight of the configuration */
        options: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    publicKey: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The Origin is authorized: Access-Control-Allow-Origin echoes it */
                204: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: wait `Retry-After` seconds. */
                429: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/{publicKey}/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a lead from the widget */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    publicKey: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["WidgetSubmission"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WidgetSubmissionReceipt"];
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`). */
                409: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`. */
                413: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`. */
                415: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: wait `Retry-After` seconds. */
                429: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        /** CORS preflight of submissions */
        options: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
                     * @example 2026-12-01
                     */
                    "Upzento-Version"?: components["parameters"]["UpzentoVersion"];
                };
                path: {
                    publicKey: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The Origin is authorized: Access-Control-Allow-Origin echoes it */
                204: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`). */
                400: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in, but the role does not allow this: `UPZ_FORBIDDEN`. */
                403: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`. */
                404: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: wait `Retry-After` seconds. */
                429: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more. */
                500: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again. */
                503: {
                    headers: {
                        "Upzento-Version": components["headers"]["UpzentoVersion"];
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * AccessToken
         * @example {
         *       "accessToken": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI…",
         *       "tokenType": "Bearer",
         *       "expiresIn": 900
         *     }
         */
        AccessToken: {
            accessToken: string;
            /** @constant */
            tokenType: "Bearer";
            expiresIn: number;
        };
        /**
         * Agency
         * @example {
         *       "id": "6f1c1e0a-3b5d-4c2e-9a7f-1d2e3f4a5b6c",
         *       "name": "Acme Agency",
         *       "createdAt": "2026-03-02T09:30:00.000Z",
         *       "status": "active",
         *       "suspension": null
         *     }
         */
        Agency: {
            id: string;
            name: string;
            /** Format: date-time */
            createdAt: string;
            /** @description `suspended`: its users cannot sign in or use the API, and its widgets are refused; its data is kept */
            status: "active" | "suspended";
            suspension: components["schemas"]["Suspension"] | null;
        };
        /** AgencyList */
        AgencyList: {
            items: components["schemas"]["Agency"][];
        };
        /**
         * AgencyMove
         * @example {
         *       "from": "shared",
         *       "to": "big_agency",
         *       "rows": {
         *         "agencies": 1,
         *         "clients": 12,
         *         "contacts": 48210,
         *         "submissions": 91344,
         *         "audit_log": 20411
         *       },
         *       "auditChains": 13,
         *       "pauseMs": 2140
         *     }
         */
        AgencyMove: {
            from: string;
            to: string;
            /** @description Rows of the agency in each table, counted in both databases before the move was committed. */
            rows: {
                [key: string]: number;
            };
            /** @description Audit chains (the agency and each client) verified in the target. */
            auditChains: number;
            /** @description How long the agency's requests were held while its rows were copied. */
            pauseMs: number;
        };
        /**
         * Alert
         * @example {
         *       "id": "8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d",
         *       "kind": "cross_tenant_denials",
         *       "severity": "warning",
         *       "tenantType": "agency",
         *       "tenantId": "6f1c1e0a-3b5d-4c2e-9a7f-1d2e3f4a5b6c",
         *       "firstSeenAt": "2026-03-02T09:30:00.000Z",
         *       "lastSeenAt": "2026-03-02T09:34:10.000Z",
         *       "count": 3,
         *       "details": {
         *         "userId": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
         *         "denials": 21,
         *         "windowSeconds": 300
         *       },
         *       "status": "acknowledged",
         *       "acknowledgedBy": "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a",
         *       "acknowledgedAt": "2026-03-02T09:40:00.000Z",
         *       "resolvedBy": null,
         *       "resolvedAt": null
         *     }
         */
        Alert: {
            id: string;
            /** @description One of the kinds of docs/alerts.md. */
            kind: string;
            severity: "warning" | "critical";
            /** @description The level of the tenant the alert is about; null for the deployment as a whole. */
            tenantType: "platform" | "agency" | "client" | null;
            tenantId: string | null;
            /** Format: date-time */
            firstSeenAt: string;
            /** Format: date-time */
            lastSeenAt: string;
            /** @description Occurrences counted on this alert while open or acknowledged. */
            count: number;
            /** @description What was seen, about the tenant concerned only. */
            details: {
                [key: string]: unknown;
            };
            status: "open" | "acknowledged" | "resolved";
            acknowledgedBy: string | null;
            acknowledgedAt: string | null;
            resolvedBy: string | null;
            resolvedAt: string | null;
        };
        /** AlertPage */
        AlertPage: {
            items: components["schemas"]["Alert"][];
            nextCursor: string | null;
        };
        /** ApiVersion */
        ApiVersion: {
            /**
             * Format: date
             * @description An API version: the day it was made, `YYYY-MM-DD`.
             */
            version: string;
            newest: boolean;
            deprecatedOn: string | null;
            sunsetOn: string | null;
            changes: {
                description: string;
            }[];
        };
        /**
         * ApiVersionChoice
         * @example {
         *       "version": "2026-12-01"
         *     }
         */
        ApiVersionChoice: {
            version: string;
        };
        /**
         * ApiVersionList
         * @example {
         *       "newest": "2026-12-01",
         *       "items": [
         *         {
         *           "version": "2026-12-01",
         *           "newest": true,
         *           "deprecatedOn": null,
         *           "sunsetOn": null,
         *           "changes": [
         *             {
         *               "description": "A contact's `fullName` is now `name`, in what the contacts API takes and in what it answers."
         *             }
         *           ]
         *         },
         *         {
         *           "version": "2026-06-01",
         *           "newest": false,
         *           "deprecatedOn": "2026-12-01",
         *           "sunsetOn": "2027-12-01",
         *           "changes": []
         *         }
         *       ]
         *     }
         */
        ApiVersionList: {
            /**
             * Format: date
             * @description An API version: the day it was made, `YYYY-MM-DD`.
             */
            newest: string;
            items: components["schemas"]["ApiVersion"][];
        };
        /**
         * ApiVersionPin
         * @example {
         *       "version": "2026-12-01",
         *       "source": "agency",
         *       "pinnedAt": "2026-12-02T10:00:00.000Z",
         *       "rollbackTo": "2026-06-01",
         *       "rollbackUntil": "2026-12-05T10:00:00.000Z"
         *     }
         * @example {
         *       "version": "2026-06-01",
         *       "source": "agency",
         *       "pinnedAt": null,
         *       "rollbackTo": null,
         *       "rollbackUntil": null
         *     }
         */
        ApiVersionPin: {
            /**
             * Format: date
             * @description An API version: the day it was made, `YYYY-MM-DD`.
             */
            version: string;
            source: "agency" | "client";
            pinnedAt: string | null;
            rollbackTo: string | null;
            rollbackUntil: string | null;
        };
        /** AuditEntry */
        AuditEntry: {
            id: string;
            /** Format: date-time */
            at: string;
            actor: {
                type: string;
                id: string | null;
            };
            tenantId: string;
            tenantType: string;
            action: string;
            target: {
                type: string;
                id: string | null;
            };
            details: {
                [key: string]: unknown;
            };
            requestId: string | null;
            ip: string | null;
            seq: number;
        };
        /** AuditEntryPage */
        AuditEntryPage: {
            items: components["schemas"]["AuditEntry"][];
            nextCursor: string | null;
        };
        /**
         * AuditVerification
         * @example {
         *       "valid": true,
         *       "rowsChecked": 1204,
         *       "firstBrokenSeq": null
         *     }
         */
        AuditVerification: {
            valid: boolean;
            rowsChecked: number;
            firstBrokenSeq: number | null;
        };
        /**
         * Client
         * @example {
         *       "id": "0b7e4f2a-8c1d-4e3f-a5b6-c7d8e9f0a1b2",
         *       "agencyId": "6f1c1e0a-3b5d-4c2e-9a7f-1d2e3f4a5b6c",
         *       "name": "Corner Bakery",
         *       "publicKey": "pk_Q2Fyb2wgaXMgYSBiYWtlcg",
         *       "createdAt": "2026-03-02T09:30:00.000Z",
         *       "status": "suspended",
         *       "suspension": {
         *         "suspendedAt": "2026-11-20T08:00:00.000Z",
         *         "by": "agency",
         *         "reason": "Invoice 2026-10 unpaid"
         *       }
         *     }
         */
        Client: {
            id: string;
            agencyId: string;
            name: string;
            publicKey: string;
            /** Format: date-time */
            createdAt: string;
            /** @description `suspended`: its users cannot sign in or use the API, and its widgets are refused; its data is kept */
            status: "active" | "suspended";
            suspension: components["schemas"]["Suspension"] | null;
        };
        /** ClientList */
        ClientList: {
            items: components["schemas"]["Client"][];
        };
        /** ClientSettings */
        ClientSettings: {
            widget: components["schemas"]["WidgetSettings"];
            allowLocalhost: boolean;
        };
        /** ClientSettingsChange */
        ClientSettingsChange: {
            widget?: components["schemas"]["WidgetSettingsChange"];
            allowLocalhost?: boolean;
        };
        /**
         * Contact
         * @example {
         *       "id": "3c9d2e1f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
         *       "clientId": "0b7e4f2a-8c1d-4e3f-a5b6-c7d8e9f0a1b2",
         *       "email": "jo@customer.example",
         *       "name": "Jo Baker",
         *       "phone": "+44 20 7946 0000",
         *       "attributes": {
         *         "plan": "pro",
         *         "seats": 12,
         *         "newsletter": true
         *       },
         *       "identity": null,
         *       "createdAt": "2026-03-02T09:30:00.000Z",
         *       "updatedAt": "2026-03-02T09:30:00.000Z"
         *     }
         */
        Contact: {
            id: string;
            clientId: string;
            email: string;
            name: string | null;
            phone: string | null;
            attributes: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            identity: {
                /** @constant */
                verified: true;
                userId: string | null;
                email: string | null;
                /** Format: date-time */
                verifiedAt: string;
            } | null;
        };
        /**
         * ContactChange
         * @example {
         *       "phone": null,
         *       "attributes": {
         *         "plan": "team"
         *       }
         *     }
         */
        ContactChange: {
            /** Format: email */
            email?: string;
            name?: string | null;
            phone?: string | null;
            attributes?: {
                [key: string]: string | number | boolean | null | (string | number | boolean | null)[];
            };
        };
        /** ContactExport */
        ContactExport: {
            /** Format: date-time */
            exportedAt: string;
            contact: components["schemas"]["Contact"];
            submissions: components["schemas"]["Submission"][];
            auditEntries: components["schemas"]["AuditEntry"][];
            webhookDeliveries: components["schemas"]["ExportedDelivery"][];
        };
        /** ContactPage */
        ContactPage: {
            items: components["schemas"]["Contact"][];
            nextCursor: string | null;
        };
        /**
         * DataMigration
         * @example {
         *       "name": "client-settings-document",
         *       "description": "Folds each client's widget settings and allowLocalhost into one settings document (version 1).",
         *       "active": "run",
         *       "counts": {
         *         "pending": 940,
         *         "running": 4,
         *         "done": 55,
         *         "failed": 1,
         *         "rolled_back": 0
         *       }
         *     }
         */
        DataMigration: {
            /** @description The data migration. */
            name: string;
            description: string;
            /** @description What this server is doing with the migration now: a run, a rollback, one agency, or nothing. */
            active: "run" | "rollback" | "tenant" | null;
            /** @description Agencies per state; an agency not yet enrolled counts as pending. */
            counts: {
                pending: number;
                running: number;
                done: number;
                failed: number;
                rolled_back: number;
            };
        };
        /** DataMigrationList */
        DataMigrationList: {
            items: components["schemas"]["DataMigration"][];
        };
        /**
         * DataMigrationRollback
         * @example {}
         * @example {
         *       "agencyIds": [
         *         "6f1c1e0a-3b5d-4c2e-9a7f-1d2e3f4a5b6c"
         *       ]
         *     }
         */
        DataMigrationRollback: {
            /** @description Only these of the agencies that are done; default every one that is done. */
            agencyIds?: string[];
        };
        /**
         * DataMigrationRun
         * @example {
         *       "canaries": [
         *         "6f1c1e0a-3b5d-4c2e-9a7f-1d2e3f4a5b6c"
         *       ],
         *       "batchSize": 50,
         *       "concurrency": 4,
         *       "pauseMs": 1000,
         *       "retries": 2
         *     }
         */
        DataMigrationRun: {
            /** @description Agencies migrated first; if one still fails after its retries, the run stops there. Default none. */
            canaries?: string[];
            /** @description Agencies per batch after the canaries. Default 50. */
            batchSize?: number;
            /** @description Agencies migrated at once within a batch. Default 4. */
            concurrency?: number;
            /** @description Wait between two batches, in ms. Default 1000. */
            pauseMs?: number;
            /** @description Further attempts of an agency whose step failed. Default 2. */
            retries?: number;
        };
        /**
         * DataMigrationStatus
         * @example {
         *       "name": "client-settings-document",
         *       "description": "Folds each client's widget settings and allowLocalhost into one settings document (version 1).",
         *       "active": null,
         *       "counts": {
         *         "pending": 0,
         *         "running": 0,
         *         "done": 1,
         *         "failed": 0,
         *         "rolled_back": 0
         *       },
         *       "tenants": [
         *         {
         *           "agencyId": "6f1c1e0a-3b5d-4c2e-9a7f-1d2e3f4a5b6c",
         *           "state": "done",
         *           "canary": true,
         *           "batch": 0,
         *           "attempts": 1,
         *           "startedAt": "2026-12-05T10:00:00.000Z",
         *           "finishedAt": "2026-12-05T10:00:00.012Z",
         *           "durationMs": 12,
         *           "lastError": null
         *         }
         *       ]
         *     }
         */
        DataMigrationStatus: {
            /** @description The data migration. */
            name: string;
            description: string;
            /** @description What this server is doing with the migration now: a run, a rollback, one agency, or nothing. */
            active: "run" | "rollback" | "tenant" | null;
            /** @description Agencies per state; an agency not yet enrolled counts as pending. */
            counts: {
                pending: number;
                running: number;
                done: number;
                failed: number;
                rolled_back: number;
            };
            tenants: components["schemas"]["DataMigrationTenant"][];
        };
        /**
         * DataMigrationTenant
         * @example {
         *       "agencyId": "6f1c1e0a-3b5d-4c2e-9a7f-1d2e3f4a5b6c",
         *       "state": "done",
         *       "canary": true,
         *       "batch": 0,
         *       "attempts": 1,
         *       "startedAt": "2026-12-05T10:00:00.000Z",
         *       "finishedAt": "2026-12-05T10:00:00.012Z",
         *       "durationMs": 12,
         *       "lastError": null
         *     }
         */
        DataMigrationTenant: {
            agencyId: string;
            /** @description Where the migration stands for an agency (docs/data-migrations.md). */
            state: "pending" | "running" | "done" | "failed" | "rolled_back";
            canary: boolean;
            batch: number | null;
            attempts: number;
            startedAt: string | null;
            finishedAt: string | null;
            durationMs: number | null;
            lastError: string | null;
        };
        /**
         * Database
         * @example {
         *       "name": "big_agency",
         *       "kind": "postgres",
         *       "agencies": 1
         *     }
         */
        Database: {
            name: string;
            kind: "postgres" | "pglite";
            /** @description Agencies placed in it; for `shared`, those of its own too. */
            agencies: number;
        };
        /** DatabaseList */
        DatabaseList: {
            items: components["schemas"]["Database"][];
        };
        /**
         * DeletionRequest
         * @example {
         *       "graceDays": 30
         *     }
         */
        DeletionRequest: {
            /** @description Days before the purge, during which the deletion can be cancelled; default 30. 0 (the platform admin only) purges as soon as the export is made */
            graceDays?: number;
        };
        /**
         * Domain
         * @example {
         *       "id": "7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b",
         *       "hostname": "bakery.example",
         *       "includeSubdomains": false,
         *       "status": "pending",
         *       "challenge": {
         *         "type": "TXT",
         *         "name": "_upzento-challenge.bakery.example",
         *         "value": "upzento-verification=3q2-7wVtZk9yJd0"
         *       },
         *       "createdAt": "2026-03-02T09:30:00.000Z",
         *       "verifiedAt": null,
         *       "failingSince": null,
         *       "nextCheckAt": "2026-03-02T10:30:00.000Z",
         *       "expiresAt": "2026-03-09T09:30:00.000Z",
         *       "lastCheck": null
         *     }
         */
        Domain: {
            id: string;
            hostname: string;
            includeSubdomains: boolean;
            status: "pending" | "verified" | "failing" | "revoked" | "expired";
            challenge: {
                /** @constant */
                type: "TXT";
                name: string;
                value: string;
            };
            /** Format: date-time */
            createdAt: string;
            verifiedAt: string | null;
            failingSince: string | null;
            nextCheckAt: string | null;
            expiresAt: string | null;
            lastCheck: components["schemas"]["DomainCheck"] | null;
        };
        /** DomainCheck */
        DomainCheck: {
            at: string;
            queried: string;
            expected: string;
            found: string[];
            outcome: string;
            message: string;
        };
        /** DomainPage */
        DomainPage: {
            items: components["schemas"]["Domain"][];
            nextCursor: string | null;
        };
        /** EmailErasure */
        EmailErasure: {
            /** Format: email */
            email: string;
        };
        /**
         * Erasure
         * @example {
         *       "erasureId": "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e",
         *       "status": "done",
         *       "contacts": 1,
         *       "submissions": 3,
         *       "auditEntries": 5,
         *       "suppressed": false
         *     }
         */
        Erasure: {
            erasureId: string;
            /** @constant */
            status: "done";
            contacts: number;
            submissions: number;
            auditEntries: number;
            suppressed: boolean;
        };
        /** Error */
        Error: {
            /** @description The HTTP status, repeated. */
            statusCode: number;
            /**
             * @description Stable: branch on it. Every code is in docs/errors.md.
             * @example UPZ_NOT_FOUND
             */
            code: string;
            /** @description The reason phrase of the status. */
            error: string;
            /** @description For people, and may change; for bad input it starts with the field. */
            message: string;
            /** @description The input a 400 is about, as a dotted path (`email`, `context.pageUrl`, `widget.theme.text`). */
            field?: string;
        };
        /**
         * ExportArchive
         * Format: binary
         */
        ExportArchive: string;
        /** ExportedDelivery */
        ExportedDelivery: {
            id: string;
            webhookId: string;
            eventId: string;
            type: string;
            submissionId: string;
            status: string;
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            deliveredAt: string | null;
        };
        /**
         * FlagEvaluation
         * @example {
         *       "flag": "new-form",
         *       "enabled": true,
         *       "decidedBy": "rollout",
         *       "public": true,
         *       "bucket": 7,
         *       "rollout": {
         *         "percent": 20,
         *         "setAt": "agency"
         *       },
         *       "settings": {
         *         "platform": {
         *           "state": "off",
         *           "percent": null,
         *           "public": false
         *         },
         *         "agency": {
         *           "state": "rollout",
         *           "percent": 20,
         *           "public": true
         *         },
         *         "client": null
         *       }
         *     }
         * @example {
         *       "flag": "live-chat",
         *       "enabled": false,
         *       "decidedBy": "platform",
         *       "public": false,
         *       "bucket": 63,
         *       "rollout": null,
         *       "settings": {
         *         "platform": {
         *           "state": "killed",
         *           "percent": null,
         *           "public": false
         *         },
         *         "agency": null,
         *         "client": {
         *           "state": "on",
         *           "percent": null,
         *           "public": false
         *         }
         *       }
         *     }
         */
        FlagEvaluation: {
            flag: string;
            enabled: boolean;
            /** @description The level whose setting decided (a kill switch above wins), `rollout`, or `default` (no level sets it: off). */
            decidedBy: ("platform" | "agency" | "client") | "rollout" | "default";
            public: boolean;
            /** @description This tenant's bucket for the flag. */
            bucket: number;
            rollout: {
                percent: number;
                setAt: "platform" | "agency" | "client";
            } | null;
            settings: {
                platform: {
                    /** @description `killed`: off for this level and everything below it, which no level below can turn on again. `rollout`: on for the tenants whose bucket (0–99) is below `percent`. */
                    state: "on" | "off" | "killed" | "rollout";
                    percent: number | null;
                    public: boolean;
                } | null;
                agency: {
                    /** @description `killed`: off for this level and everything below it, which no level below can turn on again. `rollout`: on for the tenants whose bucket (0–99) is below `percent`. */
                    state: "on" | "off" | "killed" | "rollout";
                    percent: number | null;
                    public: boolean;
                } | null;
                client: {
                    /** @description `killed`: off for this level and everything below it, which no level below can turn on again. `rollout`: on for the tenants whose bucket (0–99) is below `percent`. */
                    state: "on" | "off" | "killed" | "rollout";
                    percent: number | null;
                    public: boolean;
                } | null;
            };
        };
        /** FlagEvaluationList */
        FlagEvaluationList: {
            items: components["schemas"]["FlagEvaluation"][];
        };
        /**
         * FlagSetting
         * @example {
         *       "flag": "new-form",
         *       "level": "agency",
         *       "tenantId": "6f1c1e0a-3b5d-4c2e-9a7f-1d2e3f4a5b6c",
         *       "state": "rollout",
         *       "percent": 20,
         *       "public": true,
         *       "updatedAt": "2026-03-02T09:30:00.000Z"
         *     }
         */
        FlagSetting: {
            flag: string;
            level: "platform" | "agency" | "client";
            tenantId: string | null;
            /** @description `killed`: off for this level and everything below it, which no level below can turn on again. `rollout`: on for the tenants whose bucket (0–99) is below `percent`. */
            state: "on" | "off" | "killed" | "rollout";
            percent: number | null;
            public: boolean;
            /** Format: date-time */
            updatedAt: string;
        };
        /**
         * FlagSettingChange
         * @example {
         *       "state": "rollout",
         *       "percent": 20,
         *       "public": true
         *     }
         * @example {
         *       "state": "killed"
         *     }
         */
        FlagSettingChange: {
            /** @description `killed`: off for this level and everything below it, which no level below can turn on again. `rollout`: on for the tenants whose bucket (0–99) is below `percent`. */
            state: "on" | "off" | "killed" | "rollout";
            /** @description Required with `rollout`, only then. */
            percent?: number;
            /** @description Its value reaches the widget's configuration. Default false. */
            public?: boolean;
        };
        /** FlagSettingList */
        FlagSettingList: {
            items: components["schemas"]["FlagSetting"][];
        };
        /**
         * HealthStatus
         * @example {
         *       "status": "ok"
         *     }
         * @example {
         *       "status": "unavailable",
         *       "reason": "the database does not answer"
         *     }
         */
        HealthStatus: {
            status: string;
            reason?: string;
        };
        /** Invitation */
        Invitation: {
            id: string;
            email: string;
            role: "admin" | "member" | "viewer";
            tenantId: string;
            tenantType: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string;
        };
        /** InvitationAcceptance */
        InvitationAcceptance: {
            token: string;
            password: string;
        };
        /** InvitationList */
        InvitationList: {
            items: components["schemas"]["Invitation"][];
        };
        /**
         * LimitChange
         * @example {
         *       "apiRequestsPerSecond": 20,
         *       "domains": null
         *     }
         */
        LimitChange: {
            /** @description Sustained API requests per second of the tenant's users, across every instance */
            apiRequestsPerSecond?: number | null;
            /** @description Requests that may come at once after a quiet time */
            apiBurst?: number | null;
            /** @description Users of the tenant itself (not of an agency's clients) */
            users?: number | null;
            /** @description Contacts of a client created through the API */
            contacts?: number | null;
            /** @description Domains of a client */
            domains?: number | null;
            /** @description Widget submissions a client takes per minute, across every instance (an agency's is not used) */
            widgetSubmissionsPerMinute?: number | null;
        };
        /** LimitOverrides */
        LimitOverrides: {
            /** @description Sustained API requests per second of the tenant's users, across every instance */
            apiRequestsPerSecond?: number;
            /** @description Requests that may come at once after a quiet time */
            apiBurst?: number;
            /** @description Users of the tenant itself (not of an agency's clients) */
            users?: number;
            /** @description Contacts of a client created through the API */
            contacts?: number;
            /** @description Domains of a client */
            domains?: number;
            /** @description Widget submissions a client takes per minute, across every instance (an agency's is not used) */
            widgetSubmissionsPerMinute?: number;
        };
        /** Limits */
        Limits: {
            /** @description Sustained API requests per second of the tenant's users, across every instance */
            apiRequestsPerSecond: number;
            /** @description Requests that may come at once after a quiet time */
            apiBurst: number;
            /** @description Users of the tenant itself (not of an agency's clients) */
            users: number;
            /** @description Contacts of a client created through the API */
            contacts: number;
            /** @description Domains of a client */
            domains: number;
            /** @description Widget submissions a client takes per minute, across every instance (an agency's is not used) */
            widgetSubmissionsPerMinute: number;
        };
        /** MetricsBucket */
        MetricsBucket: {
            /** Format: date-time */
            start: string;
            widgetRequests: number;
            /** @description Widget requests of the tenant refused, by reason (a key no client has names no tenant). */
            refusals: {
                origin: number;
                suspended: number;
                rateLimited: number;
                other: number;
            };
            /** @description Widget requests answered 5xx. */
            widgetErrors: number;
            submissions: number;
            /** @description API requests of the tenant's own users. */
            apiRequests: number;
            api4xx: number;
            api5xx: number;
            /** @description API requests answered 429. */
            rateLimited: number;
            domainChecks: {
                matched: number;
                notFound: number;
                wrongValue: number;
                dnsFailure: number;
            };
            apiLatencyMs: {
                /** @description Milliseconds; null without requests. */
                p50: number | null;
                /** @description Milliseconds; null without requests. */
                p95: number | null;
            };
            widgetLatencyMs: {
                /** @description Milliseconds; null without requests. */
                p50: number | null;
                /** @description Milliseconds; null without requests. */
                p95: number | null;
            };
        };
        /**
         * MetricsSeries
         * @example {
         *       "resolution": "hour",
         *       "from": "2026-03-01T10:00:00.000Z",
         *       "to": "2026-03-01T11:00:00.000Z",
         *       "buckets": [
         *         {
         *           "start": "2026-03-01T10:00:00.000Z",
         *           "widgetRequests": 812,
         *           "refusals": {
         *             "origin": 14,
         *             "suspended": 0,
         *             "rateLimited": 2,
         *             "other": 1
         *           },
         *           "widgetErrors": 0,
         *           "submissions": 9,
         *           "apiRequests": 40,
         *           "api4xx": 3,
         *           "api5xx": 0,
         *           "rateLimited": 0,
         *           "domainChecks": {
         *             "matched": 1,
         *             "notFound": 0,
         *             "wrongValue": 0,
         *             "dnsFailure": 0
         *           },
         *           "apiLatencyMs": {
         *             "p50": 6.4,
         *             "p95": 38.2
         *           },
         *           "widgetLatencyMs": {
         *             "p50": 0.61,
         *             "p95": 1.8
         *           }
         *         }
         *       ]
         *     }
         */
        MetricsSeries: {
            resolution: "minute" | "hour";
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            buckets: components["schemas"]["MetricsBucket"][];
        };
        /**
         * NewContact
         * @example {
         *       "email": "jo@customer.example",
         *       "name": "Jo Baker",
         *       "phone": "+44 20 7946 0000",
         *       "attributes": {
         *         "plan": "pro",
         *         "seats": 12,
         *         "newsletter": true
         *       }
         *     }
         */
        NewContact: {
            /** Format: email */
            email: string;
            name?: string;
            phone?: string;
            attributes?: {
                [key: string]: string | number | boolean | null | (string | number | boolean | null)[];
            };
        };
        /**
         * NewDomain
         * @example {
         *       "hostname": "bakery.example",
         *       "includeSubdomains": false
         *     }
         */
        NewDomain: {
            hostname: string;
            includeSubdomains?: boolean;
        };
        /** NewInvitation */
        NewInvitation: {
            /** Format: email */
            email: string;
            role: "admin" | "member" | "viewer";
        };
        /**
         * NewUser
         * @example {
         *       "email": "sam@acme.example",
         *       "password": "a long enough password",
         *       "role": "member"
         *     }
         */
        NewUser: {
            /** Format: email */
            email: string;
            password: string;
            role: "admin" | "member" | "viewer";
        };
        /**
         * NewWebhook
         * @example {
         *       "url": "https://crm.bakery.example/hooks/upzento",
         *       "events": [
         *         "submission.created"
         *       ]
         *     }
         */
        NewWebhook: {
            url: string;
            events: "submission.created"[];
        };
        /** PasswordChange */
        PasswordChange: {
            currentPassword: string;
            newPassword: string;
        };
        /** PasswordReset */
        PasswordReset: {
            newPassword: string;
        };
        /**
         * Placement
         * @example {
         *       "agencyId": "6f1c1e0a-3b5d-4c2e-9a7f-1d2e3f4a5b6c",
         *       "database": "big_agency",
         *       "poolSize": null
         *     }
         */
        Placement: {
            /** Format: uuid */
            agencyId: string;
            /** @description `shared`, or the name of the database of its own. */
            database: string;
            /** @description Connections of its own pool; null: it shares the pool of its database. */
            poolSize: number | null;
        };
        /**
         * PlacementChange
         * @example {
         *       "placement": {
         *         "agencyId": "6f1c1e0a-3b5d-4c2e-9a7f-1d2e3f4a5b6c",
         *         "database": "big_agency",
         *         "poolSize": null
         *       },
         *       "move": {
         *         "from": "shared",
         *         "to": "big_agency",
         *         "rows": {
         *           "agencies": 1,
         *           "clients": 12,
         *           "contacts": 48210,
         *           "submissions": 91344,
         *           "audit_log": 20411
         *         },
         *         "auditChains": 13,
         *         "pauseMs": 2140
         *       }
         *     }
         */
        PlacementChange: {
            placement: components["schemas"]["Placement"];
            move: components["schemas"]["AgencyMove"] | null;
        };
        /**
         * PlacementRequest
         * @example {
         *       "database": "big_agency"
         *     }
         * @example {
         *       "poolSize": 5
         *     }
         */
        PlacementRequest: {
            /** @description `shared`, or a database of UPZENTO_DATABASES. */
            database?: string;
            /** @description Connections of a pool of its own; null: the pool of its database. */
            poolSize?: number | null;
        };
        /**
         * PrivacyJob
         * @example {
         *       "id": "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
         *       "kind": "tenant_export",
         *       "status": "done",
         *       "tenantId": "6f1c1e0a-3b5d-4c2e-9a7f-1d2e3f4a5b6c",
         *       "tenantType": "agency",
         *       "contactId": null,
         *       "requestedAt": "2026-12-01T09:00:00.000Z",
         *       "requestedBy": "3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d",
         *       "startedAt": "2026-12-01T09:00:00.412Z",
         *       "finishedAt": "2026-12-01T09:00:06.905Z",
         *       "attempts": 1,
         *       "progress": {
         *         "clients": 12,
         *         "contacts": 4810,
         *         "submissions": 9377,
         *         "audit_entries": 21544
         *       },
         *       "error": null,
         *       "archive": {
         *         "url": "/v1/agencies/6f1c1e0a-3b5d-4c2e-9a7f-1d2e3f4a5b6c/exports/7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f/archive",
         *         "bytes": 2841977,
         *         "sha256": "9f2c4e1a7b3d5f60812a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d",
         *         "expiresAt": "2026-12-08T09:00:06.905Z"
         *       },
         *       "archiveRemoved": null
         *     }
         */
        PrivacyJob: {
            id: string;
            kind: "tenant_export" | "contact_export" | "contact_erasure" | "email_erasure";
            status: "queued" | "running" | "done" | "failed";
            tenantId: string;
            tenantType: "agency" | "client";
            contactId: string | null;
            /** Format: date-time */
            requestedAt: string;
            requestedBy: string | null;
            startedAt: string | null;
            finishedAt: string | null;
            attempts: number;
            progress: {
                [key: string]: number;
            };
            error: string | null;
            archive: {
                url: string;
                bytes: number;
                sha256: string;
                /** Format: date-time */
                expiresAt: string;
            } | null;
            archiveRemoved: {
                /** Format: date-time */
                at: string;
                reason: "expired" | "erasure" | "deletion";
            } | null;
        };
        /** PrivacyJobList */
        PrivacyJobList: {
            items: components["schemas"]["PrivacyJob"][];
        };
        /** PrivacySettings */
        PrivacySettings: {
            suppressErasedEmails: boolean;
            retention: components["schemas"]["RetentionPeriods"];
        };
        /** PrivacySettingsChange */
        PrivacySettingsChange: {
            suppressErasedEmails?: boolean;
            retention?: components["schemas"]["RetentionPeriodsChange"];
        };
        /**
         * ProvisionedClient
         * @example {
         *       "id": "0b7e4f2a-8c1d-4e3f-a5b6-c7d8e9f0a1b2",
         *       "agencyId": "6f1c1e0a-3b5d-4c2e-9a7f-1d2e3f4a5b6c",
         *       "name": "Corner Bakery",
         *       "publicKey": "pk_Q2Fyb2wgaXMgYSBiYWtlcg",
         *       "createdAt": "2026-03-02T09:30:00.000Z",
         *       "status": "active",
         *       "suspension": null,
         *       "template": {
         *         "id": "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
         *         "level": "agency",
         *         "name": "Local shop"
         *       },
         *       "invitations": [
         *         {
         *           "id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
         *           "email": "owner@bakery.example",
         *           "role": "admin",
         *           "tenantId": "0b7e4f2a-8c1d-4e3f-a5b6-c7d8e9f0a1b2",
         *           "tenantType": "client",
         *           "createdAt": "2026-03-02T09:30:00.000Z",
         *           "expiresAt": "2026-03-09T09:30:00.000Z",
         *           "token": "inv_5mYb3Jx2sQ8hT1kLw9vR4eN7uC6aZ0pD3fG2hJ5kL8m"
         *         }
         *       ]
         *     }
         */
        ProvisionedClient: {
            id: string;
            agencyId: string;
            name: string;
            publicKey: string;
            /** Format: date-time */
            createdAt: string;
            /** @description `suspended`: its users cannot sign in or use the API, and its widgets are refused; its data is kept */
            status: "active" | "suspended";
            suspension: components["schemas"]["Suspension"] | null;
            template: {
                id: string;
                level: "platform" | "agency";
                name: string;
            } | null;
            invitations: {
                id: string;
                email: string;
                role: string;
                tenantId: string;
                tenantType: string;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                expiresAt: string;
                token: string;
            }[];
        };
        /** RetentionPeriods */
        RetentionPeriods: {
            submissionsDays: number | null;
            inactiveContactsDays: number | null;
            ipAddressesDays: number | null;
        };
        /** RetentionPeriodsChange */
        RetentionPeriodsChange: {
            submissionsDays?: number | null;
            inactiveContactsDays?: number | null;
            ipAddressesDays?: number | null;
        };
        /** RoleChange */
        RoleChange: {
            role: "admin" | "member" | "viewer";
        };
        /**
         * Submission
         * @example {
         *       "id": "5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f",
         *       "clientId": "0b7e4f2a-8c1d-4e3f-a5b6-c7d8e9f0a1b2",
         *       "contactId": "3c9d2e1f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
         *       "email": "jo@customer.example",
         *       "name": "Jo Baker",
         *       "message": "Do you deliver on Sundays?",
         *       "fields": {
         *         "company": "Baker & Co"
         *       },
         *       "origin": "https://bakery.example",
         *       "identity": {
         *         "verified": true,
         *         "userId": "customer-4711",
         *         "email": null
         *       },
         *       "context": {
         *         "pageUrl": "https://bakery.example/cakes?utm_source=newsletter",
         *         "referrer": "https://mail.example/",
         *         "utm": {
         *           "source": "newsletter",
         *           "medium": "email",
         *           "campaign": "spring",
         *           "term": null,
         *           "content": null
         *         }
         *       },
         *       "consent": {
         *         "text": "I agree that Corner Bakery may contact me about my request.",
         *         "givenAt": "2026-03-02T09:30:00.000Z"
         *       },
         *       "createdAt": "2026-03-02T09:30:00.000Z"
         *     }
         */
        Submission: {
            id: string;
            clientId: string;
            contactId: string | null;
            email: string;
            name: string | null;
            message: string | null;
            fields: {
                [key: string]: string;
            };
            origin: string;
            /** Format: date-time */
            createdAt: string;
            identity: {
                verified: boolean;
                userId: string | null;
                email: string | null;
            } | null;
            context: {
                pageUrl: string | null;
                referrer: string | null;
                utm: {
                    source: string | null;
                    medium: string | null;
                    campaign: string | null;
                    term: string | null;
                    content: string | null;
                };
            };
            consent: {
                text: string;
                /** Format: date-time */
                givenAt: string;
            } | null;
        };
        /** SubmissionPage */
        SubmissionPage: {
            items: components["schemas"]["Submission"][];
            nextCursor: string | null;
        };
        /**
         * Suspension
         * @example {
         *       "suspendedAt": "2026-11-20T08:00:00.000Z",
         *       "by": "platform",
         *       "reason": "Terms of service review"
         *     }
         */
        Suspension: {
            /** Format: date-time */
            suspendedAt: string;
            /** @description Who suspended it; a suspension by the platform is lifted only by the platform admin */
            by: "platform" | "agency";
            reason: string | null;
        };
        /**
         * SuspensionRequest
         * @example {
         *       "reason": "Invoice 2026-10 unpaid"
         *     }
         */
        SuspensionRequest: {
            reason?: string;
        };
        /**
         * Template
         * @example {
         *       "id": "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
         *       "level": "agency",
         *       "name": "Local shop",
         *       "content": {
         *         "widget": {
         *           "title": "Ask us anything"
         *         },
         *         "limits": {
         *           "domains": 5
         *         }
         *       },
         *       "createdAt": "2026-03-02T09:30:00.000Z",
         *       "updatedAt": "2026-03-02T09:30:00.000Z"
         *     }
         */
        Template: {
            id: string;
            level: "platform" | "agency";
            name: string;
            content: components["schemas"]["TemplateContent"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /**
         * TemplateContent
         * @example {
         *       "widget": {
         *         "title": "Ask the bakery",
         *         "position": "bottom-left"
         *       },
         *       "flags": {
         *         "chat-handoff": {
         *           "state": "rollout",
         *           "percent": 20,
         *           "public": true
         *         }
         *       },
         *       "limits": {
         *         "contacts": 50000,
         *         "domains": 5
         *       },
         *       "invitations": [
         *         {
         *           "email": "owner@bakery.example",
         *           "role": "admin"
         *         }
         *       ]
         *     }
         */
        TemplateContent: {
            widget?: components["schemas"]["WidgetSettingsChange"];
            allowLocalhost?: boolean;
            /** @description The new client's own flag settings, by name */
            flags?: {
                [key: string]: {
                    state: "on" | "off" | "killed" | "rollout";
                    percent?: number;
                    public?: boolean;
                };
            };
            limits?: components["schemas"]["LimitOverrides"];
            /** @description People invited into the new client; each invitation token is answered once */
            invitations?: {
                /** Format: email */
                email: string;
                role: "admin" | "member" | "viewer";
            }[];
        };
        /**
         * TemplateInput
         * @example {
         *       "name": "Local shop",
         *       "content": {
         *         "widget": {
         *           "title": "Ask us anything"
         *         },
         *         "limits": {
         *           "domains": 5
         *         }
         *       }
         *     }
         */
        TemplateInput: {
            name: string;
            content: components["schemas"]["TemplateContent"];
        };
        /** TemplateList */
        TemplateList: {
            items: components["schemas"]["Template"][];
        };
        /**
         * TenantDeletion
         * @example {
         *       "id": "2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b",
         *       "tenantId": "0b7e4f2a-8c1d-4e3f-a5b6-c7d8e9f0a1b2",
         *       "tenantType": "client",
         *       "status": "export_ready",
         *       "requestedAt": "2026-12-01T09:00:00.000Z",
         *       "requestedBy": "3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d",
         *       "requestedByLevel": "agency",
         *       "purgeAfter": "2026-12-31T09:00:00.000Z",
         *       "cancelledAt": null,
         *       "purgedAt": null,
         *       "purgedRows": {},
         *       "export": {
         *         "id": "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
         *         "kind": "tenant_export",
         *         "status": "done",
         *         "tenantId": "0b7e4f2a-8c1d-4e3f-a5b6-c7d8e9f0a1b2",
         *         "tenantType": "client",
         *         "contactId": null,
         *         "requestedAt": "2026-12-01T09:00:00.000Z",
         *         "requestedBy": "3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d",
         *         "startedAt": "2026-12-01T09:00:00.412Z",
         *         "finishedAt": "2026-12-01T09:00:02.130Z",
         *         "attempts": 1,
         *         "progress": {
         *           "contacts": 410,
         *           "submissions": 977,
         *           "audit_entries": 2154
         *         },
         *         "error": null,
         *         "archive": {
         *           "url": "/v1/clients/0b7e4f2a-8c1d-4e3f-a5b6-c7d8e9f0a1b2/exports/7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f/archive",
         *           "bytes": 284197,
         *           "sha256": "9f2c4e1a7b3d5f60812a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d",
         *           "expiresAt": "2027-01-07T09:00:00.000Z"
         *         },
         *         "archiveRemoved": null
         *       }
         *     }
         */
        TenantDeletion: {
            id: string;
            tenantId: string;
            tenantType: "agency" | "client";
            /** @description `exporting`, `export_ready`, `export_failed` (made again by the deletion round): scheduled, and the export so far. The purge waits for both the end of the grace period and the archive */
            status: "exporting" | "export_ready" | "export_failed" | "purging" | "purged" | "cancelled";
            /** Format: date-time */
            requestedAt: string;
            requestedBy: string | null;
            requestedByLevel: "platform" | "agency";
            /** Format: date-time */
            purgeAfter: string;
            cancelledAt: string | null;
            purgedAt: string | null;
            purgedRows: {
                [key: string]: number;
            };
            export: components["schemas"]["PrivacyJob"];
        };
        /** TenantHealth */
        TenantHealth: {
            tenantType: "agency" | "client";
            tenantId: string;
            agencyId: string;
            name: string;
            status: "healthy" | "warning" | "unhealthy";
            /** @description Why the status is not healthy (docs/metrics.md); empty when healthy. */
            reasons: ("domain_failing" | "domain_revoked" | "error_rate" | "refusal_rate" | "latency" | "open_alert" | "suspended" | "no_traffic")[];
            /** @description Widget and API requests in the last 24 hours. */
            requests: number;
            widgetRequests: number;
            apiRequests: number;
            /** @description Widget requests of the tenant refused, by reason (a key no client has names no tenant). */
            refusals: {
                origin: number;
                suspended: number;
                rateLimited: number;
                other: number;
            };
            /** @description Share of requests answered 5xx. */
            errorRate: number;
            latencyMs: {
                /** @description Milliseconds; null without requests. */
                p50: number | null;
                /** @description Milliseconds; null without requests. */
                p95: number | null;
            };
            apiLatencyMs: {
                /** @description Milliseconds; null without requests. */
                p50: number | null;
                /** @description Milliseconds; null without requests. */
                p95: number | null;
            };
            widgetLatencyMs: {
                /** @description Milliseconds; null without requests. */
                p50: number | null;
                /** @description Milliseconds; null without requests. */
                p95: number | null;
            };
            submissions: number;
            /** @description API and widget requests refused by a rate limit. */
            rateLimited: number;
            domains: {
                pending: number;
                verified: number;
                failing: number;
                revoked: number;
                expired: number;
            };
            /** @description Alerts about the tenant not yet resolved (docs/alerts.md). */
            openAlerts: number;
            /** @description The last widget or API request counted (90 days back at most). */
            lastActivity: string | null;
        };
        /**
         * TenantHealthPage
         * @example {
         *       "items": [
         *         {
         *           "tenantType": "client",
         *           "tenantId": "0b7e4f2a-8c1d-4e3f-a5b6-c7d8e9f0a1b2",
         *           "agencyId": "6f1c1e0a-3b5d-4c2e-9a7f-1d2e3f4a5b6c",
         *           "name": "Corner Bakery",
         *           "status": "unhealthy",
         *           "reasons": [
         *             "domain_failing",
         *             "refusal_rate"
         *           ],
         *           "requests": 4215,
         *           "widgetRequests": 4180,
         *           "apiRequests": 35,
         *           "refusals": {
         *             "origin": 1210,
         *             "suspended": 0,
         *             "rateLimited": 0,
         *             "other": 2
         *           },
         *           "errorRate": 0.0002,
         *           "latencyMs": {
         *             "p50": 0.62,
         *             "p95": 41.5
         *           },
         *           "apiLatencyMs": {
         *             "p50": 6.4,
         *             "p95": 41.5
         *           },
         *           "widgetLatencyMs": {
         *             "p50": 0.62,
         *             "p95": 1.9
         *           },
         *           "submissions": 37,
         *           "rateLimited": 0,
         *           "domains": {
         *             "pending": 0,
         *             "verified": 1,
         *             "failing": 1,
         *             "revoked": 0,
         *             "expired": 0
         *           },
         *           "openAlerts": 1,
         *           "lastActivity": "2026-03-02T09:29:41.118Z"
         *         }
         *       ],
         *       "nextCursor": "WyJvIiw1MF0",
         *       "total": 1001,
         *       "counts": {
         *         "healthy": 962,
         *         "warning": 38,
         *         "unhealthy": 1
         *       },
         *       "since": "2026-03-01T10:00:00.000Z"
         *     }
         */
        TenantHealthPage: {
            items: components["schemas"]["TenantHealth"][];
            nextCursor: string | null;
            /** @description Tenants that pass the filters. */
            total: number;
            /** @description Tenants that pass the filters, by status. */
            counts: {
                healthy: number;
                warning: number;
                unhealthy: number;
            };
            /** Format: date-time */
            since: string;
        };
        /**
         * TenantLimits
         * @example {
         *       "limits": {
         *         "apiRequestsPerSecond": 20,
         *         "apiBurst": 200,
         *         "users": 1000,
         *         "contacts": 1000000,
         *         "domains": 10,
         *         "widgetSubmissionsPerMinute": 600
         *       },
         *       "overrides": {
         *         "apiRequestsPerSecond": 20,
         *         "domains": 10
         *       },
         *       "usage": {
         *         "users": 3,
         *         "contacts": 1250,
         *         "domains": 2,
         *         "widgetSubmissionsLastMinute": 4
         *       }
         *     }
         */
        TenantLimits: {
            limits: components["schemas"]["Limits"];
            overrides: components["schemas"]["LimitOverrides"];
            /** @description What the tenant has now; contacts, domains and widget submissions for a client */
            usage: {
                users: number;
                contacts?: number;
                domains?: number;
                /** @description Submissions stored in the last 60 seconds, by every instance */
                widgetSubmissionsLastMinute?: number;
            };
        };
        /**
         * TokenRequest
         * @example {
         *       "email": "admin@acme.example",
         *       "password": "correct horse battery staple"
         *     }
         */
        TokenRequest: {
            email: string;
            password: string;
        };
        /**
         * User
         * @example {
         *       "id": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
         *       "email": "sam@acme.example",
         *       "role": "member",
         *       "tenantId": "6f1c1e0a-3b5d-4c2e-9a7f-1d2e3f4a5b6c",
         *       "tenantType": "agency",
         *       "createdAt": "2026-03-02T09:30:00.000Z"
         *     }
         */
        User: {
            id: string;
            email: string;
            role: "admin" | "member" | "viewer";
            tenantId: string;
            tenantType: string;
            /** Format: date-time */
            createdAt: string;
        };
        /** UserList */
        UserList: {
            items: components["schemas"]["User"][];
        };
        /** Webhook */
        Webhook: {
            id: string;
            url: string;
            events: "submission.created"[];
            /** Format: date-time */
            createdAt: string;
            previousSecretExpiresAt: string | null;
        };
        /** WebhookDelivery */
        WebhookDelivery: {
            id: string;
            webhookId: string;
            eventId: string;
            /** @enum {string} */
            eventType: "submission.created";
            submissionId: string;
            status: "pending" | "delivered" | "failed";
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            lastAttemptAt: string | null;
            lastStatus: number | null;
            lastLatencyMs: number | null;
            lastError: string | null;
            nextAttemptAt: string | null;
            deliveredAt: string | null;
        };
        /** WebhookDeliveryPage */
        WebhookDeliveryPage: {
            items: components["schemas"]["WebhookDelivery"][];
            nextCursor: string | null;
        };
        /** WebhookList */
        WebhookList: {
            items: components["schemas"]["Webhook"][];
        };
        /**
         * WebhookWithSecret
         * @example {
         *       "id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
         *       "url": "https://crm.bakery.example/hooks/upzento",
         *       "events": [
         *         "submission.created"
         *       ],
         *       "createdAt": "2026-03-02T09:30:00.000Z",
         *       "previousSecretExpiresAt": null,
         *       "secret": "whsec_b3JhbmdlIGlzIHRoZSBuZXcgYmxhY2s"
         *     }
         */
        WebhookWithSecret: {
            id: string;
            url: string;
            events: "submission.created"[];
            /** Format: date-time */
            createdAt: string;
            previousSecretExpiresAt: string | null;
            secret: string;
        };
        /** WidgetConfig */
        WidgetConfig: {
            publicKey: string;
            title: string;
            intro: string;
            launcherLabel: string;
            submitLabel: string;
            successMessage: string;
            position: "bottom-right" | "bottom-left";
            theme: components["schemas"]["WidgetTheme"];
            fields: components["schemas"]["WidgetField"][];
            locale?: string;
            strings?: {
                close?: string;
                sending?: string;
                queued?: string;
                fieldRequired?: string;
                fieldTooLong?: string;
                invalidEmail?: string;
                invalidPhone?: string;
                selectPlaceholder?: string;
                consentRequired?: string;
                privacyPolicy?: string;
                errorInvalid?: string;
                errorNotAuthorized?: string;
                errorRateLimited?: string;
                errorUnavailable?: string;
                invalidField?: string;
                sendAnother?: string;
            };
            colorScheme?: "auto" | "light" | "dark";
            launcher?: {
                display: "button" | "none";
                icon: "chat" | "mail" | "question";
                size: number;
                offsetX: number;
                offsetY: number;
            };
            closeOnOutsideClick?: boolean;
            privacyPolicyUrl?: string | null;
            flags?: {
                [key: string]: boolean;
            };
        };
        /** WidgetField */
        WidgetField: {
            name: string;
            label: string;
            type: "text" | "email" | "tel" | "textarea" | "select" | "checkbox" | "consent" | "hidden";
            required: boolean;
            maxLength?: number;
            placeholder?: string;
            options?: {
                value: string;
                label: string;
            }[];
        };
        /** WidgetSettings */
        WidgetSettings: {
            title: string;
            intro: string;
            launcherLabel: string;
            submitLabel: string;
            successMessage: string;
            position: "bottom-right" | "bottom-left";
            theme: components["schemas"]["WidgetTheme"];
            fields: components["schemas"]["WidgetField"][];
            locale?: string;
            strings?: {
                close?: string;
                sending?: string;
                queued?: string;
                fieldRequired?: string;
                fieldTooLong?: string;
                invalidEmail?: string;
                invalidPhone?: string;
                selectPlaceholder?: string;
                consentRequired?: string;
                privacyPolicy?: string;
                errorInvalid?: string;
                errorNotAuthorized?: string;
                errorRateLimited?: string;
                errorUnavailable?: string;
                invalidField?: string;
                sendAnother?: string;
            };
            colorScheme?: "auto" | "light" | "dark";
            launcher?: {
                display: "button" | "none";
                icon: "chat" | "mail" | "question";
                size: number;
                offsetX: number;
                offsetY: number;
            };
            closeOnOutsideClick?: boolean;
            privacyPolicyUrl?: string | null;
        };
        /** WidgetSettingsChange */
        WidgetSettingsChange: {
            title?: string;
            intro?: string;
            launcherLabel?: string;
            submitLabel?: string;
            successMessage?: string;
            position?: "bottom-right" | "bottom-left";
            theme?: components["schemas"]["WidgetTheme"];
            fields?: components["schemas"]["WidgetField"][];
            locale?: string;
            strings?: {
                close?: string;
                sending?: string;
                queued?: string;
                fieldRequired?: string;
                fieldTooLong?: string;
                invalidEmail?: string;
                invalidPhone?: string;
                selectPlaceholder?: string;
                consentRequired?: string;
                privacyPolicy?: string;
                errorInvalid?: string;
                errorNotAuthorized?: string;
                errorRateLimited?: string;
                errorUnavailable?: string;
                invalidField?: string;
                sendAnother?: string;
            };
            colorScheme?: "auto" | "light" | "dark";
            launcher?: {
                display: "button" | "none";
                icon: "chat" | "mail" | "question";
                size: number;
                offsetX: number;
                offsetY: number;
            };
            closeOnOutsideClick?: boolean;
            privacyPolicyUrl?: string | null;
        };
        /**
         * WidgetSubmission
         * @example {
         *       "email": "jo@customer.example",
         *       "name": "Jo Baker",
         *       "message": "Do you deliver on Sundays?",
         *       "fields": {
         *         "company": "Baker & Co"
         *       }
         *     }
         */
        WidgetSubmission: {
            /** Format: email */
            email: string;
            name?: string;
            message?: string;
            fields?: {
                [key: string]: string;
            };
            identity?: {
                userId?: string;
                /** Format: email */
                email?: string;
                name?: string;
                userHash: string;
                issuedAt?: number;
            };
            context?: {
                pageUrl?: string;
                referrer?: string;
                utm?: {
                    source?: string;
                    medium?: string;
                    campaign?: string;
                    term?: string;
                    content?: string;
                };
            };
            consent?: {
                text: string;
            };
        };
        /**
         * WidgetSubmissionReceipt
         * @example {
         *       "id": "5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f"
         *     }
         */
        WidgetSubmissionReceipt: {
            id: string;
        };
        /** WidgetTheme */
        WidgetTheme: {
            primary: string;
            text: string;
            background: string;
        };
    };
    responses: never;
    parameters: {
        /**
         * @description The API version to answer in (docs/versions.md). Without it: on the widget routes, 2026-06-01 (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 `UPZ_UNKNOWN_VERSION`.
         * @example 2026-12-01
         */
        UpzentoVersion: "2026-06-01" | "2026-12-01";
    };
    requestBodies: never;
    headers: {
        /** @description The API version that served the request. A deprecated version also sends `Deprecation` (RFC 9745), `Sunset` (RFC 8594) and a `Link` with rel="deprecation" to GET /v1/versions. */
        UpzentoVersion: "2026-06-01" | "2026-12-01";
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
