import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { PersonView } from '../../common/dto';
import { queryInt } from '../../common/transforms';
import { Omittable } from '../../common/validators';

class ActorAgencyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

/** An event of a plan's history as recorded, as far as its reader may read it (R14c). */
export class RecordedEventView {
  @ApiProperty({ description: 'Position in the operation’s chain, from 1' }) seq: number;
  @ApiProperty({ example: 'operation.updated' }) action: string;
  @ApiProperty() at: string;
  @ApiProperty({ type: PersonView }) actor: PersonView;
  @ApiProperty({ type: ActorAgencyView }) actorAgency: ActorAgencyView;
  @ApiProperty({ type: Object, nullable: true, description: 'What changed, as it was' }) before: Record<string, unknown> | null;
  @ApiProperty({ type: Object, nullable: true, description: 'What changed, as it became' }) after: Record<string, unknown> | null;
}

export class HistoryEventView extends RecordedEventView {
  @ApiProperty({
    type: String,
    isArray: true,
    description:
      'The event in plain English, as the History page shows it: first what happened, then one sentence for each field or item it changed, ' +
      'with labels rather than codes, names rather than ids, and times in UK time (GMT or BST named). Only what the caller may read is said.',
    example: ['Changed the plan', 'Name: Operation Aldgate → Operation Bow', 'Glam Nails: strike time 06:00 → 06:30 GMT'],
  })
  summary: string[];
}

class BrokenLinkView {
  @ApiProperty({ enum: ['operation', 'reference'], description: 'An operation’s chain, or the reference-data chain' }) chain:
    'operation' | 'reference';
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) operationId: string | null;
  @ApiProperty() eventId: string;
  @ApiProperty() seq: number;
  @ApiProperty() problem: string;
}

export class ReferenceEventView {
  @ApiProperty({ description: 'Position in the reference-data chain, from 1' }) seq: number;
  @ApiProperty({ enum: ['agency', 'team', 'user', 'policy', 'powers'] }) entity: string;
  @ApiProperty({
    description: 'The agency, team or user id; the agency kind and role of a policy rule; the agency kind whose powers changed',
  })
  entityId: string;
  @ApiProperty({ example: 'user.updated' }) action: string;
  @ApiProperty() at: string;
  @ApiProperty({ type: PersonView }) actor: PersonView;
  @ApiProperty({ type: ActorAgencyView }) actorAgency: ActorAgencyView;
  @ApiProperty({ type: Object, nullable: true }) before: Record<string, unknown> | null;
  @ApiProperty({ type: Object, nullable: true }) after: Record<string, unknown> | null;
}

export class ReferenceEventPage {
  @ApiProperty({ type: ReferenceEventView, isArray: true }) items: ReferenceEventView[];
  @ApiProperty({ nullable: true, type: Number, description: 'Pass as cursor for the next (older) page' }) nextCursor: number | null;
}

export class ReferenceEventQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @Omittable()
  @Transform(queryInt)
  @IsInt({ message: 'limit must be a whole number from 1 to 100' })
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @Omittable()
  @Transform(queryInt)
  @IsInt({ message: 'cursor must be the nextCursor of the previous page' })
  @Min(1)
  @Max(2_147_483_647)
  cursor?: number;
}

export class VerifyView {
  @ApiProperty() ok: boolean;
  @ApiProperty() eventsChecked: number;
  @ApiProperty({ type: BrokenLinkView, nullable: true }) firstBroken: BrokenLinkView | null;
}
