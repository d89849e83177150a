import { defineBackground } from 'wxt/utils/define-background';
import { registerMessageHandlers } from './messages';

export default defineBackground({
  main() {
    registerMessageHandlers();
  },
});
