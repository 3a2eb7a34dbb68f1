import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../auth/authentication.guard';
import type { HistoryEventView } from '../audit/dto/audit.dto';
import type { OperationView } from '../operations/dto/plan-view.dto';
import { PlansService } from '../operations/plans.service';
import { afterTheChange, beforeTheChange, clause } from '../workflow/consequences';
import { ConsequencesService } from '../workflow/consequences.service';
import { formErrors, FieldMap, refusalOf } from './form-errors';
import { Choice, Clash, drawnFingerprint, FormValues, mergeForm, readFingerprint } from './form-merge';
import { formText } from './forms';
import { changesSince, HistoryEntry } from './history-view';
import { FieldError, redirect, render } from './page';

const STALE =
  'Someone else changed this plan after you opened this page. Nothing has been saved and what you entered is kept below: check what they changed, then save again.';

/** A plan's sub-page: the plan as the viewer may see it, the version and last change their forms start from. */
export interface PlanContext {
  plan: OperationView;
  /** The last event of the plan's history when the page was drawn: what a stale form is compared with. */
  seen: number;
  /** An edit form's fingerprint of the values it shows (form-merge.ts): what a post is merged against. */
  drawn?: string;
  /** What saving the form would do besides itself, to confirm before it is done: in words, and as the kinds it posts back. */
  confirm?: { text: string; kinds: string };
}

/** A field both the person and someone else changed, as the form shows the choice between them. */
interface ClashView {
  key: string;
  label: string;
  yours: string;
  now: string;
}

/** What a stale edit meets: what others changed since the page was drawn, and the fields both changed. */
export interface Conflict {
  changes: HistoryEntry[];
  clashes?: ClashView[];
}

/** How a sub-page is drawn again after a refusal: the errors, and for a stale edit what others changed. */
export type Redraw = (errors: FieldError[], context: PlanContext, conflict?: Conflict) => FastifyReply | Promise<FastifyReply>;

/** A confirmation page: what the click will do, where the confirmed form posts (with `fields`), its button, and the way back. */
export interface ConfirmationPage {
  title: string;
  doing: string;
  action: string;
  fields: Record<string, string>;
  button: string;
  back: string;
}

/**
 * A form that edits fields of the plan (R10): its fields as the plan holds them now, as posted, and
 * how a person reads each (its label, and a value in words), for the side-by-side choice.
 */
export interface EditForm<V extends FormValues> {
  current: (plan: OperationView) => V;
  posted: V;
  labels: Record<keyof V & string, string>;
  /** A value in words; by default text as it is, a list joined with commas. */
  words?: (key: keyof V & string, value: unknown) => string;
  /** Where the API's fields are entered on the form; for a form that adds to a list, where the new item lands in the plan as it is. */
  fields: FieldMap | ((plan: OperationView) => FieldMap);
  /** The form makes something new (adds to a list): there is nothing to merge with, and it is checked even when left empty. */
  creates?: boolean;
  /** The version of what the form changes, as posted and as it is now, when it is not the plan's own (an evidence requirement's). */
  version?: { posted: number; now: (plan: OperationView) => number | undefined };
}

/** Saves the fields the person changed (`mine`) over the plan as it is (`plan`); answers the form's own errors, if any. */
export type Save<V> = (values: V, mine: (keyof V & string)[], plan: OperationView) => Promise<FieldError[] | void>;

/** An edit form's values as drawn again: the merged values, the context with its fingerprint, and the conflict to show. */
type RedrawEdit<V> = (errors: FieldError[], context: PlanContext, values: V, conflict?: Conflict) => FastifyReply | Promise<FastifyReply>;

function inWords(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (Array.isArray(value)) return value.map(String).join(', ') || '(none)';
  if (typeof value === 'object')
    return (
      Object.values(value as Record<string, unknown>)
        .filter(Boolean)
        .join(' ') || '(empty)'
    );
  return String(value);
}

/** Loading a plan for its sub-pages, and answering their forms the same way every time. */
@Injectable()
export class PlanPages {
  constructor(
    private readonly plans: PlansService,
    private readonly consequences: ConsequencesService,
  ) {}

  /** The plan as the viewer may see it, and its last change (unless `seen` is false: a page with no form to compare). */
  async load(request: AuthenticatedRequest, reference: string, seen = true): Promise<PlanContext> {
    const viewer = request.user!;
    const plan = await this.plans.getByReference(viewer, reference);
    return { plan, seen: seen ? await this.plans.lastChangeOf(plan) : 0 };
  }

  /** An edit form's context: the plan and the fingerprint of the form's values as the page draws them. */
  editing<V extends FormValues>(context: PlanContext, values: V): PlanContext {
    return { ...context, drawn: drawnFingerprint(values) };
  }

  /**
   * Saves an edit form by a three-way merge (R10; form-merge.ts): what the person changed is kept,
   * every other field takes the plan's value now, and only the changed fields are sent. A form drawn
   * before someone else changed the plan is shown again first, merged, with what they changed and,
   * side by side with a choice, any field both changed: saving never writes a value the person did
   * not type or choose. Nothing changed, nothing is saved.
   */
  async edit<V extends FormValues>(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    reference: string,
    form: EditForm<V>,
    save: Save<V>,
    redraw: RedrawEdit<V>,
    done: string,
  ): Promise<FastifyReply> {
    const now = await this.load(request, reference);
    const current = form.current(now.plan);
    const drawnText = formText(request.body, 'drawn');
    const choices = Object.fromEntries(
      Object.keys(current).flatMap((key): [string, Choice][] => {
        const choice = formText(request.body, `choice-${key}`);
        return choice === 'yours' || choice === 'now' ? [[key, choice]] : [];
      }),
    );
    const merged = mergeForm(form.posted, readFingerprint(drawnText), current, choices);
    const seen = Number(formText(request.body, 'seen')) || 0;
    const stale = async (context: PlanContext) =>
      redraw([{ field: '', text: STALE }], this.editing(context, form.current(context.plan)), merged.values, {
        changes: changesSince(await this.plans.historyOf(request.user!, context.plan), seen),
        clashes: merged.clashes.map((clash) => this.clashView(form, clash)),
      });
    if (!form.creates) {
      if (merged.mine.length === 0) return redirect(reply, done);
      const version = form.version ?? { posted: formVersion(request), now: (plan: OperationView) => plan.version };
      if (version.posted !== version.now(now.plan)) return stale(now);
    }
    const asDrawn = { ...now, drawn: drawnText || drawnFingerprint(current) };
    const confirmed = formText(request.body, 'confirmed');
    try {
      // A change others rely on is rehearsed first, and what it would do is shown before it is made.
      if (!form.creates && !confirmed && this.consequences.mayHave(now.plan)) {
        const rehearsed = await this.consequences.of(now.plan.id, () => save(merged.values, merged.mine, now.plan));
        if (rehearsed.result?.length) return redraw(rehearsed.result, asDrawn, merged.values);
        if (rehearsed.consequences.length) {
          const confirm = {
            text: beforeTheChange('Saving', now.plan.reference, rehearsed.consequences),
            kinds: rehearsed.consequences.map((c) => c.kind).join(','),
          };
          return redraw([], { ...asDrawn, confirm }, merged.values);
        }
      }
      const errors = await save(merged.values, merged.mine, now.plan);
      if (errors?.length) return redraw(errors, asDrawn, merged.values);
      return redirect(reply, withHappened(done, confirmed));
    } catch (thrown) {
      const error = refusalOf(thrown);
      if (!error) throw thrown;
      if (error.code === 'VERSION_CONFLICT') return stale(await this.load(request, reference));
      return redraw(formErrors(error, typeof form.fields === 'function' ? form.fields(now.plan) : form.fields), asDrawn, merged.values);
    }
  }

  /**
   * A page that says what a consequential click will do before it is done (release a team, remove
   * a location, hand the lead on): the change is rehearsed (ConsequencesService) and each thing it
   * would do listed; the form posts to `action` with `fields` and the kinds it confirms. A change
   * that would be refused says why, and offers no button.
   */
  async confirmPage(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    context: PlanContext,
    page: ConfirmationPage,
    change: (plan: OperationView) => Promise<unknown>,
  ): Promise<FastifyReply> {
    try {
      const { consequences } = await this.consequences.of(context.plan.id, () => change(context.plan));
      const kinds = consequences.map((consequence) => consequence.kind).join(',');
      return this.draw(reply, request, 'confirm.njk', page.title, context, { ...page, clauses: consequences.map(clause), kinds });
    } catch (thrown) {
      const error = refusalOf(thrown);
      if (!error) throw thrown;
      return this.draw(
        reply,
        request,
        'confirm.njk',
        page.title,
        context,
        { ...page, refused: true, errors: [{ field: '', text: error.message }] },
        409,
      );
    }
  }

  /**
   * A click that may hand on or undo what others rely on (hand the lead on): rehearsed first, and
   * when it would do more than itself, a confirmation page says what before anything is done; once
   * confirmed, or when it does nothing more, it is made (`change`) and a banner says what happened.
   */
  async confirmFirst(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    context: PlanContext,
    page: ConfirmationPage,
    change: (version: number) => Promise<unknown>,
    fields: FieldMap,
    redraw: Redraw,
  ): Promise<FastifyReply> {
    const version = formVersion(request);
    if (!formText(request.body, 'confirmed') && version === context.plan.version) {
      try {
        const { consequences } = await this.consequences.of(context.plan.id, () => change(version));
        if (consequences.length)
          return this.draw(reply, request, 'confirm.njk', page.title, context, {
            ...page,
            clauses: consequences.map(clause),
            kinds: consequences.map((c) => c.kind).join(','),
          });
      } catch (thrown) {
        if (!refusalOf(thrown)) throw thrown;
      }
    }
    // A refusal, or a page drawn before someone else's change, is answered as any other change is.
    return this.change(request, reply, context, fields, () => change(version), redraw);
  }

  private clashView<V extends FormValues>(form: EditForm<V>, clash: Clash): ClashView {
    const key = clash.key as keyof V & string;
    const words = (value: unknown) => form.words?.(key, value) ?? inWords(value);
    return { key, label: form.labels[key], yours: words(clash.yours), now: words(clash.now) };
  }

  /** The plan's history as the viewer may read it, oldest first: read only by the pages that show it. */
  history(request: AuthenticatedRequest, context: PlanContext): Promise<HistoryEventView[]> {
    return this.plans.historyOf(request.user!, context.plan);
  }

  draw(
    reply: FastifyReply,
    request: AuthenticatedRequest,
    template: string,
    title: string,
    context: PlanContext,
    data: Record<string, unknown>,
    status = 200,
  ): FastifyReply {
    return render(
      reply,
      request,
      template,
      { pageTitle: `${title}: ${context.plan.reference}`, section: 'plans', title, happened: happenedOf(request), ...context, ...data },
      status,
    );
  }

  /**
   * Does a change, then shows the plan (post/redirect/get). A refusal draws the form again with
   * what the user typed: the API's reason in the error summary, and for a stale version what
   * others changed since the page was drawn.
   */
  async change(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    context: PlanContext,
    fields: FieldMap,
    action: () => Promise<unknown>,
    redraw: Redraw,
    done = `/plans/${context.plan.reference}`,
  ): Promise<FastifyReply> {
    try {
      await action();
      return redirect(reply, withHappened(done, formText(request.body, 'confirmed')));
    } catch (thrown) {
      const error = refusalOf(thrown);
      if (!error) throw thrown;
      // Drawn again from the plan as it is now, so that saving again applies to the newest version.
      const now = await this.load(request, context.plan.reference);
      const posted = asPosted(now, request);
      if (error.code === 'VERSION_CONFLICT')
        return redraw([{ field: '', text: STALE }], now, {
          changes: changesSince(await this.plans.historyOf(request.user!, now.plan), posted.seen),
        });
      return redraw(formErrors(error, fields), posted);
    }
  }
}

/**
 * The plan as the posted form saw it: its version and last seen change. A form drawn again for a
 * refusal other than a stale version keeps them, so a change made meanwhile is still caught.
 */
export function asPosted(context: PlanContext, request: AuthenticatedRequest): PlanContext {
  return {
    ...context,
    plan: { ...context.plan, version: formVersion(request) || context.plan.version },
    seen: Number(formText(request.body, 'seen')) || 0,
  };
}

/** The banner after a save that says no more than that it is saved (the page it leads to shows the result). */
const CHANGE_SAVED = 'Your change is saved';

/**
 * Where a change leads, with what the banner there says: what it did when the person confirmed its
 * consequences first (`confirmed`: their kinds), else that it is saved, unless the page it leads to
 * has a banner of its own for it (a flag already in `done`).
 */
function withHappened(done: string, confirmed: string): string {
  const flag = confirmed ? `happened=${encodeURIComponent(confirmed)}` : done.includes('?') ? '' : 'changed';
  return flag ? `${done}${done.includes('?') ? '&' : '?'}${flag}` : done;
}

/** What a change did, said on the page it leads to: the consequences it confirmed (`?happened=`), or that it is saved (`?changed`). */
export function happenedOf(request: AuthenticatedRequest): string | undefined {
  const query = request.query as Record<string, unknown> | undefined;
  if (typeof query?.happened === 'string') return afterTheChange(query.happened.split(','));
  return query && 'changed' in query ? CHANGE_SAVED : undefined;
}

/** The version the form was drawn at (R10): the API refuses a change made from an older one. */
export function formVersion(request: AuthenticatedRequest): number {
  const version = Number(formText(request.body, 'version'));
  return Number.isInteger(version) && version > 0 ? version : 0;
}
