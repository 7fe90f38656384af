import { type CSSVariablesResolver, createTheme, Modal } from '@mantine/core';

/**
 * Mantine's defaults, with contrast raised to WCAG AA (4.5:1) for text: darker filled buttons, and
 * the text of light and outline variants (badges, the active nav link) and dimmed text one step
 * darker still. A dialog's close button (an icon) is named, which Mantine leaves to the app.
 */
export const theme = createTheme({
  primaryShade: { light: 8, dark: 8 },
  autoContrast: true,
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close the dialog' } } }),
  },
});

const COLORS = ['blue', 'green', 'orange', 'yellow', 'red', 'gray'];

export const resolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    ...Object.fromEntries(
      COLORS.flatMap((c) => [
        [`--mantine-color-${c}-light-color`, `var(--mantine-color-${c}-9)`],
        [`--mantine-color-${c}-outline`, `var(--mantine-color-${c}-9)`],
      ]),
    ),
  },
  dark: {},
});
