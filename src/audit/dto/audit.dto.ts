import { ApiProperty } from '@nestjs/swagger';
import { PersonView } from '../../common/dto';

class ActorAgencyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class HistoryEventView {
  @ApiProperty({ description: 'Position in the operation’s chain, from 1' }) seq: number;
  @ApiProperty({ example: 'operation.updated' }) action: string;
  @ApiProperty() at: string;
  @ApiProperty({ type: PersonView }) actor: PersonView;
  @ApiProperty({ type: ActorAgencyView }) actorAgency: ActorAgencyView;
  @ApiProperty({ type: Object, nullable: true, description: 'What changed, as it was' }) before: Record<string, unknown> | null;
  @ApiProperty({ type: Object, nullable: true, description: 'What changed, as it became' }) after: Record<string, unknown> | null;
}

class BrokenLinkView {
  @ApiProperty() eventId: string;
  @ApiProperty({ format: 'uuid' }) operationId: string;
  @ApiProperty() seq: number;
  @ApiProperty() problem: string;
}

export class VerifyView {
  @ApiProperty() ok: boolean;
  @ApiProperty() eventsChecked: number;
  @ApiProperty({ type: BrokenLinkView, nullable: true }) firstBroken: BrokenLinkView | null;
}
