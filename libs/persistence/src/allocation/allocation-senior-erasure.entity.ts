import { Entity } from 'typeorm';
import { SeniorErasureColumns } from '../personal-data/senior-erasure-columns';

/** Seniors whose personal data the allocation service has erased, with its answer. */
@Entity({ schema: 'allocation', name: 'senior_erasure' })
export class AllocationSeniorErasure extends SeniorErasureColumns {}
