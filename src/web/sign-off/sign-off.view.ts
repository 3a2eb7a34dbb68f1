import type { AuthUser } from '../../common/auth/auth-user';
import { label } from '../../common/labels';
import { ukClock, ukDateTime } from '../../common/uk-time';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import { seenInFull } from '../../operations/plan-views';
import type { SignOffFormValues } from './sign-off.form';

type Row = { key: { text: string }; value: { text: string } };
const rowsOf = (pairs: string[][]): Row[] => pairs.map(([key, value]) => ({ key: { text: key }, value: { text: value } }));

/** The agency's part of the plan as its manager signs it off: what the sign-off covers, and what changing it withdraws. */
function partOf(plan: OperationView, agencyId: string): { rows: Row[]; teams: { name: string; rows: Row[] }[] } {
  const { briefingAt, briefingPlace, debriefAt } = plan.timings;
  return {
    rows: rowsOf([
      ['Window', `${ukDateTime(plan.startsAt)} to ${ukDateTime(plan.endsAt)}`],
      ['Briefing', briefingAt ? `${ukDateTime(briefingAt)}${briefingPlace ? `, ${briefingPlace}` : ''}` : 'Not set'],
      ['Debrief', debriefAt ? ukDateTime(debriefAt) : 'Not set'],
      ...(plan.locations ?? []).map((place) => [
        `${place.label}, ${place.postcode}`,
        `${place.address}. ${place.strikeAt ? `Strike at ${ukDateTime(place.strikeAt)}` : 'No strike time set'}; ${place.entry ? `entry by ${label('entryBasis', place.entry.basis).toLowerCase()}` : 'entry basis not recorded'}`,
      ]),
    ]),
    teams: plan.deployments
      .filter(seenInFull)
      .filter((deployment) => deployment.status === 'CONFIRMED' && deployment.agency.id === agencyId)
      .map((deployment) => ({
        name: deployment.team.name,
        rows: rowsOf([
          ['Officers', String(deployment.headcount)],
          [
            'When',
            deployment.followsOperationWindow
              ? 'The whole window'
              : `${ukDateTime(deployment.startsAt)} to ${ukDateTime(deployment.endsAt)}`,
          ],
          ['Tasking', deployment.tasking || 'None given'],
          ['Powers needed', deployment.powers.map((power) => label('power', power)).join(', ') || 'None'],
          [
            'RV point',
            deployment.rvPoint
              ? `${deployment.rvPoint.name}, ${deployment.rvPoint.address}, at ${ukClock(deployment.rvPoint.meetAt)}`
              : 'None given',
          ],
          ['Call sign', deployment.callSign || 'None given'],
        ]),
      })),
  };
}

/**
 * The sign-off page: where each agency's sign-off stands; for the viewer's agency its part, and
 * whether they may decide (`refusal`, from the sign-off service, says why not); for a partner whose
 * sign-off a change withdrew, what changed in its part since (`changes`, null when not withdrawn).
 */
export function signOffView(
  plan: OperationView,
  viewer: Pick<AuthUser, 'agencyId'>,
  refusal: string | null,
  changes: string[] | null,
  values: SignOffFormValues,
) {
  const mine = plan.signOffs.find((signOff) => signOff.agency.id === viewer.agencyId) ?? null;
  const rows = plan.signOffs.map((signOff) => [
    { text: `${signOff.agency.name} (${signOff.agency.code})` },
    { text: label('signOffState', signOff.state) },
    { text: signOff.by ? `${signOff.by.name}, ${ukDateTime(signOff.at as string)}` : '–' },
    { text: signOff.reason ?? '–' },
  ]);
  return {
    rows,
    mine,
    part: mine ? partOf(plan, mine.agency.id) : null,
    deciding: mine !== null && refusal === null,
    refusal,
    withdrawn: changes !== null,
    changes,
    /** Which decision the form shows chosen, as typed. */
    chosen: { signOff: values.decision === 'SIGNED_OFF', decline: values.decision === 'DECLINED' },
  };
}
