# Messages of the source list and the source page, and of citations wherever they show.

cite-count = { $count ->
    [one] { $count } citation
   *[other] { $count } citations
}
cite-paragraph = paragraph { $number }
cite-paragraphs = { $count ->
    [one] paragraph { $numbers }
   *[other] paragraphs { $numbers }
}

source-list-title = Sources
source-list-empty = No source recorded yet.
source-grade-title = { $reliability }; credibility { $credibility }
source-address = Address
source-address-none = not recorded
source-admiralty = Admiralty grade
source-reliability = reliability { $reliability }
source-credibility = credibility { $credibility }
source-full-text = Full text
source-full-text-none = The full text of this source is not stored.
source-paragraph = Paragraph { $number }
source-cited-excerpts = { $count ->
    [one] Cited excerpt
   *[other] Cited excerpts
}
source-citations-title = Cited excerpts ({ $count })
source-citations-none = Nothing cites this source yet.
source-supports = { $kind ->
    [vendor] Supports the vendor
    [product] Supports the product
    [dependency] Supports the dependency
    [incident] Supports the incident
    [involvement] Supports the incident involvement
    [timeline-event] Supports the timeline event
    [causal-link] Supports the causal link
    [remediation] Supports the remediation
    [analyst] Supports the analyst
    [assessment] Supports the assessment
   *[other] Supports the record
}
source-found-verbatim = found verbatim in the text
source-not-found = not found in the text

# What a citation supports, after "Supports the …" (source-supports).
cited-uses = { $consumer } uses { $product }
cited-uses-ours = Our organisation uses { $product }
cited-involvement = { $party } as { $role } in { $incident }
cited-timeline = { $date }: { $title }
cited-cause = { $cause } led to { $effect }
cited-remediation = { $vendor }: { $description }
cited-assessment = { $analyst } on { $subject }

