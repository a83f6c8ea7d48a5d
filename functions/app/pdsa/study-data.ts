import { predictedMeasures } from '../../domain/cycle-marker.js';
import type { Cycle } from '../../domain/cycle.js';
import { studyVerdicts, type PredictedSeries, type StudyVerdict } from '../../domain/study-verdict.js';
import type { MeasurementRepository } from '../../store/measurement-repository.js';

export type StudyDataDeps = { measurements: Pick<MeasurementRepository, 'listUnitMeasures' | 'readSeries'> };

/**
 * The cycle's predictions judged against the measures (domain/study-verdict.ts). Until the Act
 * decision they are judged afresh from the stored figures on every read, so that late figures count;
 * from the decision on, the verdicts kept with it are the record. A cycle never started has none.
 */
export function studyData(deps: StudyDataDeps) {
  return async (cycle: Cycle): Promise<StudyVerdict[]> => {
    if (cycle.studyVerdicts) return cycle.studyVerdicts;
    // A cycle abandoned while planned never had a Do: no workflow attempt and nothing written of it.
    const neverDone = cycle.phase === 'abandoned' && cycle.workflow.attempt === 0 && !cycle.do.whatHappened.trim();
    const started = cycle.phase !== 'planning' && !neverDone;
    const keys = predictedMeasures(cycle);
    if (!started || keys.length === 0 || !cycle.plan.doStart) return [];
    const tracked = (await deps.measurements.listUnitMeasures(cycle.unitId)).filter((m) => keys.includes(m.key));
    const series = new Map<string, PredictedSeries>(
      await Promise.all(
        tracked.map(async (measure) => {
          const { figures, phases } = await deps.measurements.readSeries(cycle.unitId, measure.key);
          return [measure.key, { measure, figures, phases }] as const;
        }),
      ),
    );
    return studyVerdicts(cycle, series);
  };
}
export type StudyData = ReturnType<typeof studyData>;
