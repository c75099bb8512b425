import type { WidgetConfig } from '../../shared/widget-wire.js';
import { themeProperties } from '../styles.js';
import { Launcher } from './launcher.js';
import { Panel, type FormStatus } from './panel.js';

// Ids only need to be unique inside one widget's shadow root, so a constant serves every widget on the page.
const PANEL_ID = 'upz-panel';

export interface WidgetRootProps {
  config: WidgetConfig;
  open: boolean;
  status: FormStatus;
  onToggle(): void;
  onClose(): void;
  onSubmit(values: Record<string, string>): void;
}

export function WidgetRoot({ config, open, status, onToggle, onClose, onSubmit }: WidgetRootProps) {
  return (
    <div class={`root ${config.position}`} style={themeProperties(config.theme)}>
      <Launcher label={config.launcherLabel} expanded={open} controls={PANEL_ID} onToggle={onToggle} />
      <Panel id={PANEL_ID} config={config} open={open} status={status} onClose={onClose} onSubmit={onSubmit} />
    </div>
  );
}
