package com.example.notes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

@Component
class InMemoryNotes implements NotesService {

    private final Map<String, Note> notes = new ConcurrentHashMap<>();

    @Override
    public Note addNote(Note note) {
        notes.put(note.id(), note);
        return note;
    }

    @Override
    public Note getNote(NoteId request) {
        Note note = notes.get(request.id());
        if (note == null) {
            throw new NoteNotFoundException(request.id());
        }
        return note;
    }

    @Override
    public Archive archiveNotes(NoteId request) {
        return new Archive(notes.size());
    }
}
