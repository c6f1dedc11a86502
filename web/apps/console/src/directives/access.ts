import { useAuthStore } from '@/stores/auth';
import type { AccessRequirement } from '@/utils/access';
import type { Directive } from 'vue';

/**
 * `v-access="'identity:user:write'"` or `v-access="['a', 'b']"` (any-of): removes the element
 * when the current user lacks the permission. Permissions change only by signing in again
 * (which reloads the views), so checking at mount time is enough.
 */
export const vAccess: Directive<HTMLElement, AccessRequirement> = {
  mounted(el, binding) {
    const auth = useAuthStore();
    if (!auth.can(binding.value)) {
      el.parentNode?.removeChild(el);
    }
  },
};
