// The lab's public face for the workbench: LabPanel is also the default export of LabPanel.tsx, so
// the integrator can `lazy(() => import('./lab/LabPanel'))` and keep Recharts out of the first load.
export { LabPanel, type LabPanelProps } from './LabPanel';
export type { RunSweep } from './use-sweep';
