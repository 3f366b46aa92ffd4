import './EvaluateFlow.css';
import { useState } from 'react';
import type { SubmitEvaluationResponse } from '../../../contracts/cases';
import { useKeyboard } from '../../ui/keyboard/keyboard-context';
import { ScreenTop } from './screen-top';
import { RateStep } from './evaluate/RateStep';
import { SubjectStep } from './evaluate/SubjectStep';
import { ThanksStep } from './evaluate/ThanksStep';
import type { Subject } from './evaluate/types';

type Step = { name: 'subject' } | { name: 'rate'; subject: Subject } | { name: 'thanks'; result: SubmitEvaluationResponse };

/** 服务评价 (好差评): say what is rated (a served ticket or a case), choose a face, say why if poor. */
export default function EvaluateFlow() {
  const keyboard = useKeyboard();
  const [step, setStep] = useState<Step>({ name: 'subject' });

  // Each step opens at its top, whatever was scrolled on the one before.
  return <ScreenTop screen={step.name}>{current()}</ScreenTop>;

  function current() {
    if (step.name === 'thanks') return <ThanksStep result={step.result} />;
    if (step.name === 'rate') {
      return (
        <RateStep
          subject={step.subject}
          onRated={(result) => setStep({ name: 'thanks', result })}
          onChangeSubject={() => {
            keyboard.close();
            setStep({ name: 'subject' });
          }}
        />
      );
    }
    return <SubjectStep onChosen={(subject) => setStep({ name: 'rate', subject })} />;
  }
}
