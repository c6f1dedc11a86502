import { showDialog, showFailToast, showSuccessToast, showToast } from 'vant';
import { ref, shallowRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRouter } from 'vue-router';
import type { QueueItem } from '../offline/types';
import { useOutboxStore, type SubmitOutcome } from '../stores/outbox';

export interface OutboxFormOptions {
  /** i18n keys of the toasts: sent now, queued for later, refused by the server */
  messages: { sent: string; queued: string; invalid: string };
  /** where the worker goes once the item is sent or queued */
  next: { sent: string; queued: string };
  /** clears the form after it was sent or queued */
  reset: () => void;
  /** runs as soon as the outbox answered, before the toast (e.g. closes a sheet) */
  settled?: () => void;
}

/**
 * A phone form that writes through the outbox: sends a new item or replaces the one being
 * corrected (需修改, `editing`), then toasts and moves on, keeps the server's field errors on
 * the form, or shows the failure and opens the queue.
 */
export function useOutboxForm<T extends QueueItem>(options: OutboxFormOptions) {
  const { t } = useI18n();
  const router = useRouter();
  const outbox = useOutboxStore();
  const submitting = ref(false);
  const editing = shallowRef<T | null>(null);
  const errors = ref<Record<string, string>>({});

  async function submit(item: T) {
    submitting.value = true;
    let outcome: SubmitOutcome;
    try {
      outcome = editing.value ? await outbox.replace(item) : await outbox.submit(item);
    } finally {
      submitting.value = false;
    }
    options.settled?.();
    if (outcome.state === 'sent') {
      options.reset();
      showSuccessToast(t(options.messages.sent));
      await router.push(options.next.sent);
    } else if (outcome.state === 'queued') {
      options.reset();
      showToast({ message: t(options.messages.queued), duration: 2500 });
      await router.push(options.next.queued);
    } else if (outcome.state === 'invalid') {
      // stays in the queue as 需修改, and on this form until corrected
      editing.value = item;
      errors.value = { ...outcome.fieldErrors };
      if (!Object.keys(outcome.fieldErrors).length && outcome.message) {
        errors.value.general = outcome.message;
      }
      showFailToast(t(options.messages.invalid));
    } else {
      await showDialog({ message: outcome.message ?? t('common.requestFailed') });
      await router.push('/queue');
    }
  }

  const fieldError = (key: string) => errors.value[key] || '';

  return { outbox, submitting, editing, errors, fieldError, submit };
}
