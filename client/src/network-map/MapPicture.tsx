/**
 * The young person's picture in the map's list, beside "At the centre": shown small to everyone
 * who may open the map, and for people who may change the map a file chooser to add or change it
 * (the limit said before they choose; a file that is too large or not a picture is refused here,
 * before anything is sent, as the server would), a progress bar while it is sent, and a way to
 * remove it after a second thought. What happens is said in a status line.
 */
import { mapPictureLimitWords, mapPictureMaxBytes, mapPictureTooLargeMessage, mapPictureTypes, mapPictureWrongTypeMessage } from "@roundtable/domain";
import { useId, useState, type ChangeEvent } from "react";
import { ApiRequestError } from "../api/api";
import { deleteMapPicture, putMapPicture } from "../api/map-picture-api";
import { SecondThought } from "../layout/SecondThought";
import { useMapPictureOfMap } from "./use-map-picture";

/** What is wrong with this file before it is sent, or null. */
function refusalOf(file: File): string | null {
  if (!(mapPictureTypes as readonly string[]).includes(file.type)) return mapPictureWrongTypeMessage;
  if (file.size > mapPictureMaxBytes) return mapPictureTooLargeMessage;
  return null;
}

export function MapPicture({ name }: { name: string }) {
  const picture = useMapPictureOfMap();
  const id = useId();
  const [sending, setSending] = useState<number | null>(null);
  const [removing, setRemoving] = useState<"asking" | "working" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState("");
  if (!picture) return null;
  const { url, documentId, reload, mayChange: editable } = picture;

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const refused = refusalOf(file);
    setError(refused);
    setSaid("");
    if (refused) return;
    setSending(0);
    try {
      await putMapPicture(documentId, file, setSending);
      setSaid(url ? "The picture has been changed." : "The picture has been added.");
      input.value = "";
      reload();
    } catch (err) {
      setError(err instanceof ApiRequestError ? err.message : "The picture could not be sent. Try again.");
    } finally {
      setSending(null);
    }
  };

  const remove = async () => {
    setRemoving("working");
    try {
      await deleteMapPicture(documentId);
      setSaid("The picture has been removed.");
      setError(null);
      reload();
    } catch (err) {
      setError(err instanceof ApiRequestError ? err.message : "The picture could not be removed. Try again.");
    } finally {
      setRemoving(null);
    }
  };

  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="rt-map-picture" data-testid="map-picture">
      {/* biome-ignore lint/a11y/noRedundantAlt: "Picture of …" says whose it is, in the words its buttons use. */}
      {url && <img className="rt-map-picture__image" src={url} alt={`Picture of ${name}`} data-testid="map-picture-image" />}
      {picture.problem && <p className="nhsuk-error-message">{picture.problem}</p>}
      {editable && !picture.loading && (
        <div className={`nhsuk-form-group rt-map-picture__form${error ? " nhsuk-form-group--error" : ""}`}>
          <label className="nhsuk-label" htmlFor={`${id}-file`}>
            {url ? "Change the picture" : "Add a picture"}
          </label>
          <div className="nhsuk-hint" id={`${id}-hint`}>
            Choose {mapPictureLimitWords}. Everyone who can open this map will see it.
          </div>
          {error && (
            <p className="nhsuk-error-message" id={`${id}-error`} role="alert">
              <span className="nhsuk-u-visually-hidden">Error:</span> {error}
            </p>
          )}
          <input
            className="nhsuk-file-upload__input"
            id={`${id}-file`}
            type="file"
            accept={mapPictureTypes.join(",")}
            aria-describedby={describedBy}
            disabled={sending !== null}
            onChange={(event) => void choose(event)}
          />
          {sending !== null && (
            <p className="rt-map-picture__sending">
              <label htmlFor={`${id}-progress`}>Sending the picture</label>{" "}
              <progress id={`${id}-progress`} max={1} value={sending} /> {Math.round(sending * 100)}%
            </p>
          )}
          {url && removing === null && (
            <p>
              <button type="button" className="rt-link-button" onClick={() => setRemoving("asking")}>
                Remove the picture
              </button>
            </p>
          )}
        </div>
      )}
      {removing !== null && (
        <SecondThought
          testId="remove-map-picture"
          level={4}
          question="Remove the picture?"
          yes="Yes, remove it"
          working="Removing…"
          busy={removing === "working"}
          onYes={() => void remove()}
          onCancel={() => setRemoving(null)}
        >
          <p>The picture of {name} will be taken off this map for everyone. You can add a picture again later.</p>
        </SecondThought>
      )}
      <p className="nhsuk-u-visually-hidden" role="status">
        {said}
      </p>
    </div>
  );
}
