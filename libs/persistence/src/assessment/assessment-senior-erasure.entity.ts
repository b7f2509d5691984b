import { Entity } from 'typeorm';
import { SeniorErasureColumns } from '../personal-data/senior-erasure-columns';

/** Seniors whose personal data the assessment service has erased, with its answer. */
@Entity({ schema: 'assessment', name: 'senior_erasure' })
export class AssessmentSeniorErasure extends SeniorErasureColumns {}
