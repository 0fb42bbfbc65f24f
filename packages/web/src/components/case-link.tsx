import { A } from "@solidjs/router";
import { Show } from "solid-js";
import type { OpenCaseLink } from "@puskesos/core/complaint/schema";

/**
 * Where a complaint (or its referral) may lead to a case: the way to open one, or, once one is open,
 * who handles it and the way to it for those who may read it. A second case would be refused.
 */
export function CaseLink(props: { openCase: OpenCaseLink | undefined; href: string; label: string }) {
  return (
    <Show
      when={props.openCase}
      fallback={
        <A href={props.href} data-testid="open-case-link">
          {props.label}
        </A>
      }
    >
      {(open) => (
        <span data-testid="open-case">
          Kasus sudah dibuka; {open().workerName} menanganinya.
          <Show when={open().readable}>
            {" "}
            <A href={`/kasus/${open().id}`}>Lihat kasus</A>
          </Show>
        </span>
      )}
    </Show>
  );
}
