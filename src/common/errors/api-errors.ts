import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import { ERROR_CODES, HTTP_ERROR_CODES, httpStatusOf, RESPONSE_ERROR_CODES } from './error-code';

/** The one error shape of the contract (DESIGN §4), as the OpenAPI document declares it: a generated client reads `code` as this enum. */
@ApiSchema({ name: 'ErrorBody', description: 'Every error the API answers has this shape' })
export class ErrorBodySchema {
  @ApiProperty({ type: 'integer', example: 422, description: 'The HTTP status, repeated' })
  statusCode: number;

  @ApiProperty({
    enum: RESPONSE_ERROR_CODES,
    enumName: 'ErrorCode',
    description: 'Stable and machine-readable: branch on this, never on the message',
  })
  code: (typeof RESPONSE_ERROR_CODES)[number];

  @ApiProperty({ description: 'Plain English for a person; it may change' })
  message: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'What the code is about, for a program: each field and problem, the versions, the rule',
  })
  details?: Record<string, unknown>;
}

/** Where @ApiOperation() keeps an operation's fields. */
const API_OPERATION = 'swagger/apiOperation';

const HTTP_CODE_STATUSES: Record<(typeof HTTP_ERROR_CODES)[number], number> = { PAYLOAD_TOO_LARGE: 413, UNSUPPORTED_MEDIA_TYPE: 415 };

/** The codes a response of this status may carry, for its description. */
function codesOf(status: number): string[] {
  const thrown = ERROR_CODES.filter((code) => httpStatusOf(code) === status);
  const http = HTTP_ERROR_CODES.filter((code) => HTTP_CODE_STATUSES[code] === status);
  return [...thrown, ...http];
}

/**
 * The error responses, as JSON whatever the route's success is: a route that answers a PDF or a Word
 * document (@ApiProduces) still refuses with the one error body, which `type` would declare in its media type.
 */
function errorResponses(statuses: number[]): MethodDecorator[] {
  const content = { 'application/json': { schema: { $ref: getSchemaPath(ErrorBodySchema) } } };
  return [
    ApiExtraModels(ErrorBodySchema),
    ...[...new Set(statuses)]
      .sort((a, b) => a - b)
      .map((status) => ApiResponse({ status, content, description: `code: ${codesOf(status).join(', ') || 'the name of the status'}` })),
  ];
}

/** Exactly these error responses, for a route with its own credentials (the metrics token). */
export const ApiErrorResponses = (...statuses: number[]) => applyDecorators(...errorResponses(statuses));

/**
 * The errors a route that needs a signed-in user may answer, besides the `statuses` it names:
 * 401 without a valid token, 403 for a user without the role or still on a password an admin issued.
 */
export const ApiErrors = (...statuses: number[]) => applyDecorators(...errorResponses([401, 403, ...statuses]));

/** As ApiErrors, for the few routes open to a user who has yet to replace an issued password (they have no roles to refuse). */
export const ApiSignedInErrors = (...statuses: number[]) => applyDecorators(...errorResponses([401, ...statuses]));

/** A route anyone may call: no token (`security: []`), and only the errors it names. */
export const ApiPublicErrors = (...statuses: number[]) => applyDecorators(PublicSecurity(), ...errorResponses(statuses));

/**
 * An empty security requirement, which OpenAPI reads as "no credentials needed". Written into the
 * operation's own metadata, as @ApiOperation() merges it (the security key drops an empty list).
 */
function PublicSecurity(): MethodDecorator {
  return (target, key, descriptor) => {
    const operation = Reflect.getMetadata(API_OPERATION, descriptor.value as object);
    Reflect.defineMetadata(API_OPERATION, { ...operation, security: [] }, descriptor.value as object);
    return descriptor;
  };
}
