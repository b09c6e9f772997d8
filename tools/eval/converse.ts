import { performance } from 'node:perf_hooks';
import type { DateTime } from 'luxon';
import { buildActivity, choicesOf, clickActivity, hexId } from './channel-activity';
import { expand } from './clock-patterns';
import { DEFAULT_ZONE } from './eval-clock';
import type { Conversation, ConversationSet, Turn } from './eval-files';
import { judge } from './judge';
import { pyFixed, pyRepr, pyStr } from './py-format';
import { pySearch } from './py-regex';
import { isMenu, replyView, stripSaid, visible, type ActivityJson } from './reply-view';
import type { PostActivity } from './transport';

/**
 * converse.py: multi-turn conversations with the bot. A turn is typed (`say`) or a click on the
 * first button of the last reply whose title matches `click`; judged turns (kind, facts,
 * not_facts, open_now, local_time) are judged as ask.py judges a version-2 case. Results have
 * converse.py's --json shape.
 */

export interface TurnResult {
  turn: number;
  judged: boolean;
  ok: boolean;
  why: string[];
  did_you_mean: boolean;
  reply: string;
  user?: string;
  sent?: boolean;
  ms?: number;
}

export interface ConversationResult {
  id: unknown;
  title: unknown;
  channel: string;
  localTimezone: string;
  ok: boolean;
  turns_passed: number;
  turns_judged: number;
  first_fail: number | null;
  turns: TurnResult[];
}

export interface ConversationsReport {
  summary: {
    file: string;
    conversations: number;
    passed: number;
    rate: number;
    turns_passed: number;
    turns_judged: number;
    did_you_mean: number;
    replies: number;
  };
  conversations: ConversationResult[];
}

const JUDGED = ['kind', 'facts', 'not_facts', 'open_now', 'local_time'] as const;

export function isJudged(turn: Turn): boolean {
  return JUDGED.some((key) => key in turn);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One conversation, turn by turn. */
export async function runConversation(
  conversation: Conversation,
  post: PostActivity,
  now?: () => DateTime,
): Promise<ConversationResult> {
  const channel = conversation.channel || 'webchat';
  const zone = conversation.localTimezone || DEFAULT_ZONE;
  const user = `user-${hexId(12)}`;
  let conversationId = `conv-${hexId(12)}`;
  let lastActivities: ActivityJson[] = [];
  const turns: TurnResult[] = [];
  for (const [index, turn] of (conversation.turns || []).entries()) {
    if (turn.new_conversation) {
      conversationId = `conv-${hexId(12)}`;
      lastActivities = [];
    }
    const record: TurnResult = {
      turn: index + 1,
      judged: isJudged(turn) || 'click' in turn,
      ok: true,
      why: [],
      did_you_mean: false,
      reply: '',
    };
    const started = performance.now();
    try {
      let said: string;
      let activity: ActivityJson;
      if ('click' in turn) {
        const pattern = expand(pyStr(turn.click), zone, now?.());
        const options = choicesOf(lastActivities);
        const picked = options.find((option) => pySearch(pattern, option.title));
        record.user = `[click /${pattern}/]`;
        if (!picked) {
          const titles = pyRepr(options.map((option) => option.title));
          Object.assign(record, { ok: false, why: [`nothing to click matches /${pattern}/ among ${titles}`] });
          turns.push(record);
          continue;
        }
        const { text, value } = clickActivity(picked.action);
        record.user = `[click: ${picked.title}]`;
        said = picked.title;
        activity = buildActivity(text, conversationId, user, { channel, zone, value, mention: false });
      } else {
        if (!('say' in turn)) throw new Error("'say'");
        said = expand(pyStr(turn.say), zone, now?.());
        record.user = said;
        activity = buildActivity(said, conversationId, user, { channel, zone });
      }
      lastActivities = await post(activity);
      record.sent = true;
      const view = replyView(lastActivities);
      const text = stripSaid(visible(view.text), said, true);
      record.reply = text;
      record.did_you_mean = isMenu(text);
      if (isJudged(turn)) {
        const verdict = judge({ ...turn, kind: turn.kind ?? 'any' }, text, view.choices, {
          zone,
          menuFails: true,
          now,
        });
        Object.assign(record, verdict);
      }
    } catch (error) {
      Object.assign(record, { ok: false, why: [`error: ${errorText(error)}`], judged: true });
      lastActivities = [];
    }
    record.ms = Number(pyFixed(performance.now() - started, 1));
    turns.push(record);
  }
  const judged = turns.filter((t) => t.judged);
  const failed = judged.filter((t) => !t.ok);
  return {
    id: conversation.id ?? null,
    title: 'title' in conversation ? (conversation.title ?? null) : '',
    channel,
    localTimezone: zone,
    ok: failed.length === 0,
    turns_passed: judged.length - failed.length,
    turns_judged: judged.length,
    first_fail: failed.length ? failed[0].turn : null,
    turns,
  };
}

/** Every conversation of the set, one after another. */
export async function runConversations(
  file: string,
  set: ConversationSet,
  post: PostActivity,
  options: { readonly now?: () => DateTime } = {},
): Promise<ConversationsReport> {
  const results: ConversationResult[] = [];
  for (const conversation of set.conversations) results.push(await runConversation(conversation, post, options.now));
  const passed = results.filter((r) => r.ok).length;
  const replies = results.flatMap((r) => r.turns).filter((t) => t.sent);
  const rate = results.length ? passed / results.length : 0;
  return {
    summary: {
      file,
      conversations: results.length,
      passed,
      rate: Number(pyFixed(rate, 4)),
      turns_passed: results.reduce((sum, r) => sum + r.turns_passed, 0),
      turns_judged: results.reduce((sum, r) => sum + r.turns_judged, 0),
      did_you_mean: replies.filter((t) => t.did_you_mean).length,
      replies: replies.length,
    },
    conversations: results,
  };
}

/** The lines converse.py prints: one per conversation (transcripts of failures with `show`), then totals. */
export function conversationLines(report: ConversationsReport, show = false): string[] {
  const lines: string[] = [];
  for (const r of report.conversations) {
    let head = `${r.ok ? 'PASS' : 'FAIL'} ${pyStr(r.id)} ${pyStr(r.title)} (turns ${r.turns_passed}/${r.turns_judged})`;
    if (!r.ok) {
      const t = r.turns.find((turn) => turn.turn === r.first_fail)!;
      head += `; first failing turn ${t.turn} ${pyRepr(t.user ?? '')}: ${pyRepr(t.why)}`;
    }
    lines.push(head);
    if (show && !r.ok) {
      for (const t of r.turns) {
        const mark = !t.judged ? '  ' : t.ok ? 'ok' : 'XX';
        lines.push(`   ${mark} > ${t.user ?? ''}\n        < ${pyRepr([...t.reply].slice(0, 300).join(''))}`);
      }
    }
  }
  const { summary } = report;
  lines.push(`turns: ${summary.turns_passed}/${summary.turns_judged}`);
  lines.push(`did-you-mean: ${summary.did_you_mean}/${summary.replies}`);
  const rate = summary.conversations ? summary.passed / summary.conversations : 0;
  lines.push(`conversations: ${pyFixed(100 * rate, 1)}% (${summary.passed}/${summary.conversations})`);
  return lines;
}
