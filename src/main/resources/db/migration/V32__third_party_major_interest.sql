-- 直接关系第三人重大权益 (行政处罚法第五十八条第一款第二项; 国办发〔2018〕118号), asked at 立案登记 like the other
-- grounds of legal review. Cases registered before the question existed read false: the statute's limb needs a
-- hearing as well, and a held hearing brings a case into legal review on its own (rule table legal-review-required).
alter table enforcement_case add column third_party_major_interest boolean default false not null;
