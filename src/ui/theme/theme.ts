/**
 * Light/dark mode: follows the system until the user picks one, then remembers it. Exposed as
 * a tiny store so the canvas (React Flow colorMode) and the workbench (Monaco theme) agree.
 */
import { create } from 'zustand';

export type ColorMode = 'light' | 'dark';
const KEY = 'aspire-parity:theme';

function initial(): ColorMode {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    /* storage blocked: fall back to the system preference */
  }
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

interface ThemeState {
  mode: ColorMode;
  toggle(): void;
}

export const useTheme = create<ThemeState>()((set, get) => ({
  mode: initial(),
  toggle: () => {
    const mode: ColorMode = get().mode === 'dark' ? 'light' : 'dark';
    try {
      localStorage.setItem(KEY, mode);
    } catch {
      /* the choice still applies to this session */
    }
    set({ mode });
  },
}));
