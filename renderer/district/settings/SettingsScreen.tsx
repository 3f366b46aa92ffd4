import { useTranslation } from 'react-i18next';
import { SETTINGS_EDITORS, type SettingsArea } from '../../../contracts/platform-complaint-settings';
import { useComplaintDesk } from '../complaints/use-complaint-desk';
import { CalendarPanel } from './CalendarPanel';
import { DeadlineRulesPanel } from './DeadlineRulesPanel';
import { DispatchRulesPanel } from './DispatchRulesPanel';

/**
 * 日历与规则: the 营商局's settings a complaint is counted and sorted by. Every signed-in account
 * reads them; each is editable only by a person holding the bureau role `SETTINGS_EDITORS` names
 * (the supervisor the calendar and the deadlines, a sorter the dispatch rules), and only that
 * person is offered the forms. The platform checks again.
 */
export default function SettingsScreen() {
  const { t } = useTranslation();
  const desk = useComplaintDesk();
  const mayEdit = (area: SettingsArea) => desk.capacity?.bureauRoles.includes(SETTINGS_EDITORS[area]) ?? false;
  return (
    <section className="dst-section" aria-labelledby="dst-settings-title">
      <h2 id="dst-settings-title">{t('dstSettings.title')}</h2>
      <p className="console-muted">{t('dstSettings.intro')}</p>
      <CalendarPanel editable={mayEdit('calendar')} />
      <DeadlineRulesPanel editable={mayEdit('deadlineRules')} />
      <DispatchRulesPanel editable={mayEdit('dispatchRules')} units={desk.units} />
    </section>
  );
}
