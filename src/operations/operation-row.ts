import type { BriefingSection, Classification, ExploitationType, OperationStatus, Scope } from '../common/domain';
import { sql, Sql } from '../database/sql';
import type { CommanderView } from './dto/order.dto';

/** An operation as the repository selects it (camelCase columns). */
export interface OperationRow {
  id: string;
  reference: string;
  name: string;
  exploitationTypes: ExploitationType[];
  scope: Scope;
  startsAt: Date;
  endsAt: Date;
  leadAgencyId: string | null;
  briefing: Partial<Record<BriefingSection, string>>;
  expectedPotentialVictims: number;
  safeguardingLanguages: string[];
  receptionCentre: string | null;
  receptionOpensAt: Date | null;
  receptionClosesAt: Date | null;
  medicalCover: string | null;
  /** Stored as given: { name, agencyId, phone }. */
  firstResponders: { name: string; agencyId: string; phone: string | null }[];
  interpreters: { language: string; name: string }[];
  briefingAt: Date | null;
  briefingPlace: string | null;
  debriefAt: Date | null;
  radioChannel: string | null;
  controlRoomNumber: string | null;
  /** Gold, Silver and the SIO, each stored as the API shows them. */
  goldCommander: CommanderView | null;
  silverCommander: CommanderView | null;
  sioCommander: CommanderView | null;
  status: OperationStatus;
  version: number;
  createdBy: string;
  createdByAgencyId: string;
  updatedBy: string;
  /** Who changed the plan's content since it was last approved: none of them may approve it (R12). */
  contentEditors: string[];
  createdAt: Date;
  updatedAt: Date;
  approvedAt: Date | null;
  outcomes: Record<string, unknown> | null;
  cancelReason: string | null;
  classification: Classification;
  handlingInstruction: string | null;
}

/** The columns an operation's conditional update may set: a typed union, never a name from a request. */
export type OperationColumn =
  | 'name'
  | 'exploitation_types'
  | 'scope'
  | 'starts_at'
  | 'ends_at'
  | 'lead_agency_id'
  | 'briefing'
  | 'expected_potential_victims'
  | 'safeguarding_languages'
  | 'reception_centre'
  | 'reception_opens_at'
  | 'reception_closes_at'
  | 'medical_cover'
  | 'first_responders'
  | 'interpreters'
  | 'briefing_at'
  | 'briefing_place'
  | 'debrief_at'
  | 'radio_channel'
  | 'control_room_number'
  | 'gold_commander'
  | 'silver_commander'
  | 'sio_commander'
  | 'status'
  | 'updated_by'
  | 'content_editors'
  | 'approved_by'
  | 'approved_at'
  | 'outcomes'
  | 'cancel_reason'
  | 'classification'
  | 'handling_instruction';

export type OperationChanges = Partial<Record<OperationColumn, unknown>>;

/** An operation's columns as OperationRow names them; `briefing` the expression that reads the IIMARCH sections (a reader's may leave one out). */
export function operationColumns(briefing: Sql = sql`o.briefing`): Sql {
  return sql`
  o.id, o.reference, o.name, o.exploitation_types AS "exploitationTypes", o.scope,
  o.starts_at AS "startsAt", o.ends_at AS "endsAt", o.lead_agency_id AS "leadAgencyId", ${briefing} AS briefing,
  o.expected_potential_victims AS "expectedPotentialVictims", o.safeguarding_languages AS "safeguardingLanguages",
  o.reception_centre AS "receptionCentre", o.reception_opens_at AS "receptionOpensAt", o.reception_closes_at AS "receptionClosesAt",
  o.medical_cover AS "medicalCover", o.first_responders AS "firstResponders", o.interpreters, o.briefing_at AS "briefingAt",
  o.briefing_place AS "briefingPlace", o.debrief_at AS "debriefAt", o.radio_channel AS "radioChannel",
  o.control_room_number AS "controlRoomNumber", o.gold_commander AS "goldCommander", o.silver_commander AS "silverCommander",
  o.sio_commander AS "sioCommander", o.status, o.version, o.created_by AS "createdBy",
  o.created_by_agency_id AS "createdByAgencyId", o.updated_by AS "updatedBy", o.content_editors AS "contentEditors",
  o.created_at AS "createdAt", o.updated_at AS "updatedAt", o.approved_at AS "approvedAt", o.outcomes,
  o.cancel_reason AS "cancelReason", o.classification, o.handling_instruction AS "handlingInstruction"`;
}

export const OPERATION_COLUMNS = operationColumns();

/** What a plan's summary (a list, an export) is made of: Core alone (R14a). */
export type SummaryColumns = Pick<
  OperationRow,
  | 'id'
  | 'reference'
  | 'name'
  | 'status'
  | 'exploitationTypes'
  | 'scope'
  | 'startsAt'
  | 'endsAt'
  | 'version'
  | 'createdAt'
  | 'classification'
  | 'handlingInstruction'
>;

export const SUMMARY_COLUMNS = sql`
  o.id, o.reference, o.name, o.status, o.exploitation_types AS "exploitationTypes", o.scope, o.starts_at AS "startsAt", o.ends_at AS "endsAt",
  o.version, o.created_at AS "createdAt", o.classification, o.handling_instruction AS "handlingInstruction"`;
