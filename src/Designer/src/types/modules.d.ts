// Packages without their own type declarations; the console uses them through small typed wrappers.
declare module 'bpmn-js-properties-panel';
declare module '@bpmn-io/properties-panel';
declare module 'camunda-bpmn-js-behaviors/lib/camunda-platform';
declare module 'camunda-bpmn-moddle/resources/camunda.json';
declare module 'bpmn-js-i18n/translations/zn.js';
declare module 'bpmn-js-bpmnlint';
declare module 'bpmnlint';
declare module 'bpmn-js-differ';
declare module 'bpmn-js/lib/features/replace/ReplaceOptions';
declare module 'bpmn-moddle';
