import { cjkPdf } from '../pdf/pdf-document';
import type { AssessmentReport } from '@app/contracts';

const SEX = { female: '女', male: '男' } as Record<string, string>;
const REASON = { first: '首次评估', routine: '常规评估', immediate: '即时评估', dispute: '复核评估' } as Record<string, string>;

/**
 * The printable assessment report (GB/T 42195-2022 annex C content): who was assessed, with what,
 * the domain subtotals, the levels and every change that fired, the assessor and the date.
 */
export function renderAssessmentReportPdf(report: AssessmentReport, fontPath: string): Promise<Buffer> {
  const { doc, done } = cjkPdf(`老年人能力评估报告 ${report.assessmentId}`, fontPath);

  doc.fontSize(18).text('老年人能力评估报告', { align: 'center' });
  doc.fontSize(10).text(`${report.instrument}${report.standardVersion ? ` · ${report.standardVersion}` : ''}`, { align: 'center' }).moveDown();

  section(doc, '基本信息 Senior');
  rows(doc, [
    ['姓名 Name', report.senior.name],
    ['性别 Sex', SEX[report.senior.sex] ?? report.senior.sex],
    ['出生日期 Birth date', `${report.senior.birthDate}（评估时 ${report.senior.ageOnAssessment} 岁）`],
    ['评估原因 Reason', REASON[report.reason] ?? report.reason],
    ['评估日期 Assessed on', report.assessedOn],
    ['复评到期 Due', report.dueOn ?? '—'],
    ['状态 State', report.state],
  ]);

  section(doc, '一级指标得分 Domain subtotals');
  rows(doc, Object.entries(report.domainScores).map(([domain, score]) => [domain, String(score)]));
  if (report.total !== null) rows(doc, [['总分 Total', `${report.total}${report.maxTotal !== null ? ` / ${report.maxTotal}` : ''}`]]);

  section(doc, '能力等级 Level');
  rows(doc, [
    ['初步等级 Preliminary', report.preliminaryLevel === null ? '—' : `${report.preliminaryLevel} ${report.preliminaryLevelName ?? ''}`],
    ['最终等级 Final', report.finalLevel === null ? '—' : `${report.finalLevel} ${report.finalLevelName ?? ''}`],
  ]);
  if (report.changes.length > 0) {
    doc.moveDown(0.3).fontSize(10).text('等级变更 Level changes:');
    for (const change of report.changes) doc.text(`• ${change.fromName} → ${change.toName}：${change.reason}${change.capped ? '（已达最高等级）' : ''}`, { indent: 10 });
  }
  if (report.supersedesId) {
    section(doc, '更正 Correction');
    rows(doc, [['更正对象 Supersedes', report.supersedesId], ['更正原因 Reason', report.correctionReason ?? '']]);
  }

  section(doc, '评估项目 Items');
  doc.fontSize(9).text(Object.entries(report.items).map(([item, score]) => `${item}: ${score}`).join('    '));

  doc.moveDown().fontSize(9).text(`评估员 Assessor: ${report.assessorId}    提交时间 Submitted: ${report.submittedAt}    评估编号 Assessment: ${report.assessmentId}`);
  doc.end();
  return done;
}

function section(doc: PDFKit.PDFDocument, title: string): void {
  doc.moveDown(0.6).fontSize(12).text(title).moveDown(0.2);
}

function rows(doc: PDFKit.PDFDocument, pairs: Array<[string, string]>): void {
  doc.fontSize(10);
  for (const [label, value] of pairs) doc.text(`${label}：${value}`);
}
