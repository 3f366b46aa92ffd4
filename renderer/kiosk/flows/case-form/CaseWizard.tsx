import './case-form.css';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormProblem, type CatalogViewItem, type SubmitCaseResponse } from '../../../../contracts/cases';
import type { CatalogFormField } from '../../../../contracts/central-api';
import type { CardKind } from '../../../../contracts/identity';
import type { KioskPrompt } from '../../../../contracts/kiosk-prompts';
import { ApiClientError } from '../../../api/client';
import { useApi } from '../../../api/context';
import { randomId } from '../../../api/random-id';
import { useKeyboardStore } from '../../../ui/keyboard/keyboard-context';
import { useKioskSession } from '../../shell/session';
import { localizeItem } from '../catalog-text';
import { scrollToTop } from '../screen-top';
import { CaseDone } from './CaseDone';
import { ConfirmStep } from './ConfirmStep';
import { FormStep } from './FormStep';
import { isFromCard } from './card-fields';
import { checkForm, formPayload, type FieldErrors } from './form-rules';
import { MaterialsStep } from './MaterialsStep';
import { StepIndicator } from './StepIndicator';
import { CameraMaterials } from './camera/CameraMaterials';
import { useCapturedPages } from './camera/captured-pages';
import { useDocumentCamera } from './camera/use-document-camera';
import { uploadPages, type SubmittedPage } from './camera/upload-pages';

// The capture screen (and through it the page worker with OpenCV) loads only when a page is taken.
const CaptureScreen = lazy(() => import('./camera/CaptureScreen').then((m) => ({ default: m.CaptureScreen })));

const NO_KINDS: readonly CardKind[] = [];

const STEPS = ['choose', 'form', 'materials', 'confirm', 'done'] as const;
export type WizardStep = (typeof STEPS)[number];

/** What each step after the first says as it opens (the first is the flow's own; done says its receipt). */
const STEP_PROMPTS: Record<Exclude<WizardStep, 'choose' | 'done'>, KioskPrompt> = {
  form: { key: 'caseForm' },
  materials: { key: 'caseMaterials' },
  confirm: { key: 'caseConfirm' },
};

/** Error codes with their own message; everything else the host may answer reads as `generic`. */
const SUBMIT_ERRORS = ['no_identity', 'item_unknown', 'network'];

const FormInvalidDetails = z.object({ problems: z.array(FormProblem) });

export interface CaseWizardProps {
  /** Which flow this is (its own CSS scope and step names). */
  flow: 'case' | 'complaint';
  /** The five step names of the indicator. */
  stepLabels: Readonly<Record<WizardStep, string>>;
  /** Each step's heading; `done` is the success line. */
  headings: Readonly<Record<WizardStep, string>>;
  /** What is spoken when the first step opens (prompts only, never personal data). */
  sayChoose: KioskPrompt;
  /** The first step's content: it calls `pick` with the chosen item. */
  choose: (pick: (item: CatalogViewItem) => void) => ReactNode;
  /** Offer 首席服务管家 on the confirmation screen. */
  offerSteward: boolean;
  /** What the done screen calls the number (受理编号 by default; 诉求编号 for complaints). */
  numberLabel?: string | undefined;
}

/**
 * The form engine shared by 办事申报 and 营商诉求: choose → form (card fields filled by the
 * host, the rest typed on the on-screen keyboard) → materials → confirm → done with receipt.
 * All answers live in this component's state only, which ending the visit throws away.
 */
export function CaseWizard({ flow, stepLabels, headings, sayChoose, choose, offerSteward, numberLabel }: CaseWizardProps) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const session = useKioskSession();
  const keyboard = useKeyboardStore();
  const queryClient = useQueryClient();
  const { citizen, voice } = session;

  const [step, setStep] = useState<WizardStep>('choose');
  const [item, setItem] = useState<CatalogViewItem | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [cardMissing, setCardMissing] = useState<ReadonlySet<string>>(new Set());
  const [brought, setBrought] = useState<ReadonlySet<string>>(new Set());
  // Pages from the document camera: in memory only, wiped with the wizard when the visit ends.
  const captured = useCapturedPages();
  const [capturing, setCapturing] = useState<string | null>(null);
  const { camera, lost: cameraLost } = useDocumentCamera(step === 'materials');
  // A material counts as brought when ticked or photographed.
  const broughtAll = useMemo(
    () => new Set([...brought, ...captured.pages.map((page) => page.materialCode)]),
    [brought, captured.pages],
  );
  const [steward, setSteward] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<SubmitCaseResponse | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  // Until the host has said which kinds carry an address, the address is the citizen's to type;
  // the host fills it from the card anyway when it can (its prefill wins over typed text).
  const kindsWithAddress = session.health?.cardKindsWithAddress ?? NO_KINDS;
  const fromCard = useCallback(
    (field: CatalogFormField) => isFromCard(field, citizen, cardMissing, kindsWithAddress),
    [citizen, cardMissing, kindsWithAddress],
  );

  const go = useCallback(
    (next: WizardStep) => {
      keyboard.close();
      setStep(next);
    },
    [keyboard],
  );

  // Each screen is announced by moving focus to its heading, and spoken (prompts only) — once
  // per screen: a language switch or 长辈版 must not repeat the prompt or move the focus.
  const speech = useRef({ say: voice.say, sayChoose });
  useEffect(() => {
    speech.current = { say: voice.say, sayChoose };
  });
  // A layout effect: the new step starts at the top (flow bar and step indicator in view) before it
  // is painted, and before a field with an error is scrolled into view by focusFirstProblem's timer.
  useLayoutEffect(() => {
    scrollToTop(heading.current);
    if (firstRender.current) firstRender.current = false;
    // Focus only: focusing may not scroll the step indicator away again.
    else heading.current?.focus({ preventScroll: true });
    const { say, sayChoose: chooseLine } = speech.current;
    if (step === 'choose') say(chooseLine);
    else if (step !== 'done') say(STEP_PROMPTS[step]);
  }, [step]);

  const pick = (chosen: CatalogViewItem) => {
    if (chosen.code !== item?.code) {
      setValues({});
      setErrors({});
      setCardMissing(new Set());
      setBrought(new Set());
      captured.clear();
      setSteward(false);
    }
    setItem(chosen);
    setAlert(null);
    go('form');
  };

  const setValue = useCallback((key: string, value: string) => {
    setValues((prev) => ({ ...prev, [key]: value }));
    // A field being corrected is no longer marked wrong; it is checked again on "下一步".
    setErrors((prev) => {
      if (!(key in prev)) return prev;
      const rest = { ...prev };
      delete rest[key];
      return rest;
    });
  }, []);

  const focusFirstProblem = (keys: string[]) => {
    window.setTimeout(() => {
      const first = keys.map((k) => document.querySelector<HTMLElement>(`[data-field-key="${CSS.escape(k)}"]`)).find(Boolean);
      first?.scrollIntoView({ block: 'center' });
      first?.querySelector<HTMLElement>('input:not([readonly]), button')?.focus({ preventScroll: true });
    }, 0);
  };

  const leaveForm = () => {
    if (!item) return;
    const found = checkForm(item.formFields, values, fromCard);
    setErrors(found);
    const keys = item.formFields.map((f) => f.key).filter((k) => k in found);
    if (keys.length > 0) {
      focusFirstProblem(keys);
      return;
    }
    setAlert(null);
    go('materials');
  };

  // One submission per wizard: a retry (network blip) must not file the case twice.
  const [submissionId] = useState(randomId);

  const submit = async () => {
    if (!item || busy) return;
    setBusy(true);
    setAlert(null);
    // The photographed pages go to the host first, one by one; a failure keeps them all for the retry.
    let pages: SubmittedPage[];
    try {
      pages = await uploadPages(captured.pages, api.uploadMaterialPage, captured.uploaded, (done, total) =>
        setUploading({ done, total }),
      );
    } catch {
      setAlert(t('camera.upload.failed'));
      setBusy(false);
      return;
    } finally {
      setUploading(null);
    }
    try {
      const response = await api.submitCase({
        itemCode: item.code,
        form: formPayload(item.formFields, values, fromCard),
        materials: item.materials.filter((m) => broughtAll.has(m.code)).map((m) => m.code),
        pages,
        stewardRequested: offerSteward && steward,
        // The same id on a retry after a lost reply: the host answers with the case it saved.
        submissionId,
      });
      setResult(response);
      go('done');
    } catch (error) {
      handleSubmitError(error);
    } finally {
      setBusy(false);
    }
  };

  function handleSubmitError(error: unknown) {
    const code = error instanceof ApiClientError ? error.code : 'generic';
    if (code === 'form_invalid' && item) {
      const parsed = FormInvalidDetails.safeParse(error instanceof ApiClientError ? error.details : undefined);
      if (parsed.success && applyProblems(item, parsed.data.problems)) return;
    }
    if (code === 'item_unknown' || code === 'form_invalid') {
      // The catalog changed under the citizen (an item withdrawn, a field added): start again from the list.
      void queryClient.invalidateQueries({ queryKey: ['catalog'] });
      setAlert(t('case.errors.item_unknown'));
      go('choose');
      return;
    }
    setAlert(t(`case.errors.${SUBMIT_ERRORS.includes(code) ? code : 'generic'}`));
  }

  /** Puts the host's refusals on their fields; false when none of them belongs to this form. */
  function applyProblems(current: CatalogViewItem, problems: readonly FormProblem[]): boolean {
    const fieldErrors: FieldErrors = {};
    const missingFromCard = new Set(cardMissing);
    let materialsChanged = false;
    for (const problem of problems) {
      const field = current.formFields.find((f) => f.key === problem.key);
      if (field) {
        // The card did not carry what the host wanted from it (e.g. no address on the card): let the citizen type it.
        if (fromCard(field)) missingFromCard.add(field.key);
        fieldErrors[field.key] = problem.problem;
      } else if (problem.problem === 'unknown_material') {
        materialsChanged = true;
        setBrought((prev) => new Set([...prev].filter((code) => code !== problem.key)));
      }
    }
    const keys = current.formFields.map((f) => f.key).filter((k) => k in fieldErrors);
    if (keys.length > 0) {
      setCardMissing(missingFromCard);
      setErrors(fieldErrors);
      go('form');
      focusFirstProblem(keys);
      return true;
    }
    if (materialsChanged) {
      setAlert(t('case.errors.materials_changed'));
      go('materials');
      return true;
    }
    return false;
  }

  const capturingMaterial = shownMaterial(item, capturing, i18n.language);

  const stepIndex = STEPS.indexOf(step);
  // On the form, the banner counts the fields still marked wrong (by the kiosk or the host), live.
  const wrongFields = step === 'form' && item ? item.formFields.filter((f) => f.key in errors).length : 0;
  const banner = alert ?? (wrongFields > 0 ? t('case.form.fixErrors', { count: wrongFields }) : null);
  const labels = useMemo(() => STEPS.map((s) => stepLabels[s]), [stepLabels]);
  // The steps show the item in the citizen's language (switchable mid-way); checks and the
  // submission use the item as the catalog has it.
  const shown = useMemo(() => item && localizeItem(item, i18n.language), [item, i18n.language]);

  return (
    <div className={`case-wizard case-wizard-${flow}`}>
      <StepIndicator labels={labels} current={stepIndex} />
      <div className="case-step-body" data-step={step}>
        <h3 ref={heading} tabIndex={-1} className={`case-step-title${step === 'done' ? ' case-step-title-done' : ''}`}>
          {step === 'form' && shown ? t('case.form.title', { item: shown.name }) : headings[step]}
        </h3>
        {banner && step !== 'done' && (
          <p className="error" role="alert" data-testid="case-alert">
            {banner}
          </p>
        )}
        {step === 'choose' && choose(pick)}
        {step === 'form' && shown && (
          <>
            <p className="case-intro">{t('case.form.intro')}</p>
            <FormStep item={shown} citizen={citizen} values={values} errors={errors} fromCard={fromCard} onChange={setValue} />
            <Nav onBack={() => go('choose')} onNext={leaveForm} nextLabel={t('case.nav.next')} />
          </>
        )}
        {step === 'materials' && shown && (
          <>
            <p className="case-intro">{camera.state === 'ready' ? t('camera.intro') : t('case.materials.intro')}</p>
            {camera.state === 'problem' && (
              <p className="case-warning" role="alert" data-testid="camera-problem">
                {t(`camera.problems.${camera.problem}`)}
              </p>
            )}
            {camera.state === 'checking' && (
              <p className="case-note" role="status">
                {t('camera.checking')}
              </p>
            )}
            {camera.state === 'ready' && (
              <CameraMaterials item={shown} pages={captured.pages} onCapture={setCapturing} onRemove={captured.remove} />
            )}
            {(camera.state === 'none' || camera.state === 'problem') && (
              <MaterialsStep
                item={shown}
                brought={broughtAll}
                onToggle={(code) =>
                  setBrought((prev) => {
                    const next = new Set(prev);
                    if (next.has(code)) next.delete(code);
                    else next.add(code);
                    return next;
                  })
                }
              />
            )}
            {camera.state === 'ready' && capturingMaterial && (
              <Suspense fallback={null}>
                <CaptureScreen
                  label={camera.label}
                  materialName={capturingMaterial.name}
                  pageNumber={captured.pages.filter((page) => page.materialCode === capturingMaterial.code).length + 1}
                  onConfirm={(page) => {
                    captured.add(capturingMaterial.code, page);
                    setCapturing(null);
                  }}
                  onClose={() => setCapturing(null)}
                  onCameraLost={(problem) => {
                    setCapturing(null);
                    cameraLost(problem);
                  }}
                />
              </Suspense>
            )}
            <Nav
              onBack={() => go('form')}
              onNext={() => {
                setAlert(null);
                go('confirm');
              }}
              nextLabel={t('case.nav.next')}
            />
          </>
        )}
        {step === 'confirm' && shown && (
          <>
            <ConfirmStep
              item={shown}
              citizen={citizen}
              values={values}
              fromCard={fromCard}
              brought={broughtAll}
              steward={offerSteward ? { requested: steward, onToggle: () => setSteward((s) => !s) } : undefined}
              onEdit={(target) => {
                setAlert(null);
                go(target);
              }}
            />
            <Nav
              onBack={() => go('materials')}
              onNext={() => void submit()}
              nextLabel={
                uploading && uploading.total > 0
                  ? t('camera.upload.sending', uploading)
                  : busy
                    ? t('case.confirm.submitting')
                    : t('case.confirm.submit')
              }
              busy={busy}
            />
          </>
        )}
        {step === 'done' && result && (
          <CaseDone result={result} numberLabel={numberLabel} onFinish={() => void session.endSession()} />
        )}
      </div>
    </div>
  );
}

/** The material being photographed, in the citizen's language. */
function shownMaterial(item: CatalogViewItem | null, code: string | null, language: string) {
  if (!item || code === null) return null;
  return localizeItem(item, language).materials.find((material) => material.code === code) ?? null;
}

function Nav({
  onBack,
  onNext,
  nextLabel,
  busy = false,
}: {
  onBack: () => void;
  onNext: () => void;
  nextLabel: string;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="case-nav">
      <button type="button" className="secondary big" onClick={onBack} disabled={busy}>
        {t('case.nav.back')}
      </button>
      <button type="button" className="primary big" onClick={onNext} disabled={busy} aria-busy={busy || undefined}>
        {nextLabel}
      </button>
    </div>
  );
}
