export interface LauncherProps {
  label: string;
  expanded: boolean;
  /** Id of the panel the button opens. */
  controls: string;
  onToggle(): void;
}

export function Launcher({ label, expanded, controls, onToggle }: LauncherProps) {
  return (
    <button
      part="launcher"
      class="launcher"
      type="button"
      aria-expanded={expanded}
      aria-controls={controls}
      onClick={onToggle}
    >
      {label}
    </button>
  );
}
