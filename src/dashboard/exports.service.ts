import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { toCsv } from '../common/csv';
import { label } from '../common/labels';
import { highestClassification, markingText } from '../common/marking';
import { ukDate, ukLocalTime } from '../common/uk-time';
import { DashboardService } from './dashboard.service';
import { DashboardQueryDto } from './dto/dashboard.dto';
import { PlanExportRepository } from './plan-export.repository';

/** The most plans one download holds; the page that offers it says so. */
export const PLAN_EXPORT_LIMIT = 10_000;

export interface CsvFile {
  filename: string;
  csv: string;
  /** More plans matched than the file holds (the newest PLAN_EXPORT_LIMIT are in it). */
  truncated?: boolean;
}

const two = (value: number) => String(value).padStart(2, '0');

/** An instant as a spreadsheet reads a UK local time: "2027-03-01 05:00". */
function ukCell(instant: Date): string {
  const t = ukLocalTime(instant);
  return `${t.year}-${two(t.month)}-${two(t.day)} ${two(t.hour)}:${two(t.minute)}`;
}

/**
 * Downloads (issue 18, part 3), as Excel opens them: UTF-8 with a byte order mark, and no cell
 * that could run as a formula (src/common/csv.ts). What a download holds is exactly what the
 * page it comes from shows the user.
 */
@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dashboard: DashboardService,
    private readonly planExports: PlanExportRepository,
  ) {}

  /** The plan list, with the filters of /plans (already checked there), newest first: every matching plan the user may see, up to PLAN_EXPORT_LIMIT. */
  async plans(viewer: AuthUser, filters: { status?: string; from?: string; to?: string; q?: string }, now = new Date()): Promise<CsvFile> {
    const rows = await this.planExports.plans(this.dataSource.manager, viewer, filters, PLAN_EXPORT_LIMIT + 1);
    const header = [
      'Reference',
      'Name',
      'Protective marking',
      'Status',
      'Lead agency',
      'Starts (UK time)',
      'Ends (UK time)',
      'Exploitation types',
      'Scope',
    ];
    const shown = rows.slice(0, PLAN_EXPORT_LIMIT);
    const cells = shown.map((row) => [
      row.reference,
      row.name,
      markingText(row),
      label('status', row.status),
      row.leadAgency,
      ukCell(row.startsAt),
      ukCell(row.endsAt),
      row.exploitationTypes.map((type) => label('exploitationType', type)).join('; '),
      label('scope', row.scope),
    ]);
    return {
      filename: `plans-${ukDate(now)}.csv`,
      csv: toCsv(header, cells, highestClassification(shown)),
      truncated: rows.length > PLAN_EXPORT_LIMIT,
    };
  }

  /** The dashboard's outcomes: one row a month of the period, as its table shows them. */
  async outcomes(viewer: AuthUser, query: DashboardQueryDto): Promise<CsvFile> {
    const { period, outcomes } = await this.dashboard.outcomes(viewer, query);
    const header = [
      'Month',
      'Days of action completed',
      'Days of action stood down',
      'Arrests',
      'Potential victims safeguarded',
      'NRM referrals',
      'Premises visited',
    ];
    const cells = outcomes.months.map((m) => [
      m.month,
      m.completed,
      m.stoodDown,
      m.arrests,
      m.potentialVictimsSafeguarded,
      m.nrmReferrals,
      m.premisesVisited,
    ]);
    return { filename: `outcomes-${period.from}-to-${period.to}.csv`, csv: toCsv(header, cells) };
  }
}
