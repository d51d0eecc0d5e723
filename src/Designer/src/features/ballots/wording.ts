// Plain-Chinese wording of a ballot (Civil Code art. 278): what each question decides, what majority it needs,
// and the result's figures. Pure functions, so the wording is unit-tested (tests/features/ballots).
import { t } from '../../app/i18n';
import type { MessageKey } from '../../app/i18n';

export type Answer = 'agree' | 'disagree' | 'abstain';
export type Channel = 'online' | 'paper' | 'proxy';

export interface BallotQuestion {
  id: string;
  text: string;
  matter: 'ordinary' | 'major' | string;
  item?: number | null;
  candidates?: string[];
}

/** Items 6 (raising the maintenance fund), 7 (rebuilding) and 8 (changing the use of common parts) need 3/4. */
export const majorItems: readonly number[] = [6, 7, 8];

/** Whether a question needs three quarters: its art. 278 item when it has one, else its matter. */
export function isMajor(question: Pick<BallotQuestion, 'matter' | 'item'>): boolean {
  return question.item ? majorItems.includes(question.item) : question.matter === 'major';
}

/** "民法典第二百七十八条第（三）项：选举业主委员会或者更换业主委员会成员", or null for a question without an item. */
export function itemText(item: number | null | undefined): string | null {
  if (!item || item < 1 || item > 9) return null;
  return t('ballots.item', { item: t(`ballots.item${item}` as MessageKey) });
}

/** What the question decides, in plain words: "一般事项" / "重大事项" and its item when it carries one. */
export function matterText(question: Pick<BallotQuestion, 'matter' | 'item'>): string {
  const kind = isMajor(question) ? t('ballot.major') : t('ballot.ordinary');
  const item = itemText(question.item);
  return item ? `${kind} · ${item}` : kind;
}

/** The majority the question needs, in plain words. */
export function majorityText(question: Pick<BallotQuestion, 'matter' | 'item'>): string {
  return isMajor(question) ? t('ballots.majority.major') : t('ballots.majority.ordinary');
}

/** "2/3" style share as a percentage with two decimals ("66.67%"); "—" when the whole is zero. */
export function percent(part: number, whole: number): string {
  if (!whole) return '—';
  return `${((part * 100) / whole).toFixed(2)}%`;
}

/** Area in m² with two decimals and thousands separators ("1,004.40 m²"). */
export function formatArea(area: number): string {
  const [whole, fraction] = Math.abs(area).toFixed(2).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${area < 0 ? '-' : ''}${grouped}.${fraction} m²`;
}

/** How a vote arrived, for staff: 网上投票 / 书面表决 / 委托投票. */
export function channelText(channel: string | null | undefined): string {
  switch (channel) {
    case 'online': return t('ballots.channel.online');
    case 'paper': return t('ballots.channel.paper');
    case 'proxy': return t('ballots.channel.proxy');
    default: return '';
  }
}

/** One question's line of the result, as the tally gives it. */
export interface QuestionResult {
  id: string;
  text?: string;
  item?: number | null;
  matter: string;
  candidates?: string[];
  approved: boolean;
  agreeArea: number;
  agreeHeadcount: number;
  disagreeArea: number;
  disagreeHeadcount: number;
  abstainArea: number;
  abstainHeadcount: number;
}

export interface BallotResult {
  ballotId: string;
  title: string;
  compoundName?: string | null;
  closedAt: string | null;
  closedBecause: string;
  eligibleArea: number;
  eligibleHeadcount: number;
  turnoutArea: number;
  turnoutHeadcount: number;
  quorum: boolean;
  approved: boolean;
  questions: QuestionResult[];
}

/** The turnout sentence: persons and area against the whole register, and whether 2/3 of both took part. */
export function turnoutText(result: Pick<BallotResult, 'eligibleArea' | 'eligibleHeadcount' | 'turnoutArea' | 'turnoutHeadcount' | 'quorum'>): string {
  return t(result.quorum ? 'ballots.turnout.reached' : 'ballots.turnout.missed', {
    persons: result.turnoutHeadcount,
    allPersons: result.eligibleHeadcount,
    personShare: percent(result.turnoutHeadcount, result.eligibleHeadcount),
    area: formatArea(result.turnoutArea),
    allArea: formatArea(result.eligibleArea),
    areaShare: percent(result.turnoutArea, result.eligibleArea),
  });
}

/** Why a question passed or not, in plain words. */
export function verdictText(result: Pick<BallotResult, 'quorum'>, question: Pick<QuestionResult, 'approved' | 'matter' | 'item'>): string {
  if (question.approved) return t('ballots.verdict.passed');
  if (!result.quorum) return t('ballots.verdict.noQuorum');
  return isMajor(question) ? t('ballots.verdict.failedMajor') : t('ballots.verdict.failedOrdinary');
}
