// Display formats shared by every screen (Beijing time lives in dom.ts as formatDateTime).

/**
 * Money in yuan as residents read it: `¥ 86,000.00`, two decimals rounded to the fen, thousands separated,
 * a minus before the sign for negative amounts (`-¥ 1,234.50`). Not a finite number: `—`.
 */
export function formatMoney(yuan: number): string {
  if (typeof yuan !== 'number' || !Number.isFinite(yuan)) return '—';
  // Round to the fen on the decimal value (78.155 is 78.16, not 78.15 from its binary 78.15499…).
  const fen = Math.round(Number((Math.abs(yuan) * 100).toPrecision(15)));
  const whole = Math.floor(fen / 100);
  const cents = String(fen % 100).padStart(2, '0');
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${yuan < 0 && fen > 0 ? '-' : ''}¥ ${grouped}.${cents}`;
}

/** Variables that hold money in yuan in the procedures (definitions/*.bpmn), whatever their label says. */
const moneyVariables = new Set([
  'budget', 'approvedBudget', 'contractAmount', 'drawAmount', 'finalCost', 'planAmount', 'prepaymentAmount', 'settledAmount',
  'shareCost', 'amount',
]);

/** Whether a field or variable is an amount of money: a known money variable, or a label marked （元） / （元，…）. */
export function isMoney(id: string, label?: string | null): boolean {
  return moneyVariables.has(id) || (label ? /[（(]\s*元\s*[）)，,]/.test(label) : false);
}
