import { Entity } from 'typeorm';
import { SeniorErasureColumns } from '../personal-data/senior-erasure-columns';

/** Seniors whose personal data the dispatch service has erased, with its answer. */
@Entity({ schema: 'dispatch', name: 'senior_erasure' })
export class DispatchSeniorErasure extends SeniorErasureColumns {}
