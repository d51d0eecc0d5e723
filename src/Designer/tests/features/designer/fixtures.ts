/** Builds a small executable process around `body` (flow elements) for the lint and diff tests. */
export function processXml(body: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
  ${extra}
  <bpmn:process id="p" isExecutable="true">
    ${body}
  </bpmn:process>
</bpmn:definitions>`;
}
