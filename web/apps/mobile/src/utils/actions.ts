import type { EventActionCode } from '@govgrid/api';

/** The buttons a grid worker gets on an event (one action can give two buttons: 核查 pass / fail). */
export type WorkerButton =
  'verifyPass' | 'verifyFail' | 'self-handle' | 'sign' | 'resolve' | 'escalate';

export interface ButtonSpec {
  action: EventActionCode;
  /** what the text box means, and whether it must be filled */
  text: 'none' | 'comment' | 'reason' | 'result';
  required: boolean;
  photos: boolean;
  passed?: boolean;
}

export const BUTTONS: Record<WorkerButton, ButtonSpec> = {
  verifyPass: { action: 'verify', text: 'comment', required: false, photos: true, passed: true },
  verifyFail: { action: 'verify', text: 'reason', required: true, photos: true, passed: false },
  'self-handle': { action: 'self-handle', text: 'result', required: true, photos: true },
  sign: { action: 'sign', text: 'none', required: false, photos: false },
  resolve: { action: 'resolve', text: 'result', required: true, photos: true },
  escalate: { action: 'escalate', text: 'reason', required: true, photos: false },
};

const ORDER: WorkerButton[] = [
  'sign',
  'resolve',
  'self-handle',
  'verifyPass',
  'verifyFail',
  'escalate',
];

/** The worker's buttons for what the server allows, in a fixed order. */
export function workerButtons(allowed: readonly EventActionCode[]): WorkerButton[] {
  return ORDER.filter((b) => allowed.includes(BUTTONS[b].action));
}

/** The request body of a button. */
export function actionBody(button: WorkerButton, text: string): Record<string, unknown> {
  const spec = BUTTONS[button];
  const body: Record<string, unknown> = {};
  const trimmed = text.trim();
  if (spec.passed !== undefined) body.passed = spec.passed;
  if (spec.text !== 'none' && trimmed) body.comment = trimmed;
  return body;
}
