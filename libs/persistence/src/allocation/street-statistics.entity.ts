import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A street's (街道/镇) registered (户籍) population for a year, from the statistics: what the plans'
 * ratios divide by. Entering a year again corrects it.
 */
@Entity({ schema: 'allocation', name: 'street_statistics' })
@Check('street_statistics_sane', `registered_65_plus >= 0 AND registered_65_plus <= registered_60_plus AND registered_60_plus <= registered_population AND year BETWEEN 1990 AND 2100`)
@Check('street_statistics_street_of_district', `starts_with(street_code, district_code)`)
export class StreetStatisticsRecord {
  @PrimaryColumn({ name: 'district_code', type: 'text' })
  districtCode!: string;

  @PrimaryColumn({ name: 'street_code', type: 'text' })
  streetCode!: string;

  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'registered_population', type: 'integer' })
  registeredPopulation!: number;

  @Column({ name: 'registered_60_plus', type: 'integer' })
  registered60Plus!: number;

  @Column({ name: 'registered_65_plus', type: 'integer' })
  registered65Plus!: number;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
