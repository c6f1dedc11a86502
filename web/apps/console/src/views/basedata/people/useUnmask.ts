import { peopleApi, type PersonIdentifiers } from '@/api';
import { showError } from '@/utils/notify';
import { onBeforeUnmount, ref } from 'vue';
import { useI18n } from 'vue-i18n';

/** How long the clear identifiers stay on screen. */
export const UNMASK_SECONDS = 30;

/**
 * 查看完整: asks the server for one person's clear ID number and phone (audited there) and
 * shows them for {@link UNMASK_SECONDS} seconds, then masked again.
 */
export function useUnmask() {
  const { t } = useI18n();
  const revealed = ref<(PersonIdentifiers & { personId: number }) | null>(null);
  const secondsLeft = ref(0);
  const loading = ref(false);
  let timer: ReturnType<typeof setInterval> | null = null;

  function hide() {
    if (timer) clearInterval(timer);
    timer = null;
    revealed.value = null;
    secondsLeft.value = 0;
  }

  async function reveal(personId: number) {
    loading.value = true;
    try {
      const identifiers = await peopleApi.unmask(personId);
      hide();
      revealed.value = { ...identifiers, personId };
      secondsLeft.value = UNMASK_SECONDS;
      timer = setInterval(() => {
        secondsLeft.value -= 1;
        if (secondsLeft.value <= 0) hide();
      }, 1000);
    } catch (e) {
      showError(e, t('basedata.people.unmaskFailed'));
    } finally {
      loading.value = false;
    }
  }

  /** The clear value while it is shown for this person, else the masked one. */
  function valueOf(
    row: { id: number; idNumber?: unknown; phone?: unknown },
    key: 'idNumber' | 'phone',
  ) {
    const clear = revealed.value?.personId === row.id ? revealed.value[key] : null;
    return (clear ?? (row[key] as string | null)) || t('common.none');
  }

  onBeforeUnmount(hide);
  return { revealed, secondsLeft, loading, reveal, hide, valueOf };
}
